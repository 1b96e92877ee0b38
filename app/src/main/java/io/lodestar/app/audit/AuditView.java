package io.lodestar.app.audit;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.FieldErrors;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import io.lodestar.app.ui.Tables;
import io.lodestar.engine.api.client.AuditRecord;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Audit log: filters on top, the entries newest first, the chosen entry's object before and after. */
public final class AuditView extends VBox {

    public AuditView(Session session, AuditViewModel vm) {
        Messages m = session.messages();
        getStyleClass().add(Styles.SCREEN);
        setSpacing(8);
        setPadding(new Insets(12, 16, 12, 16));
        Label title = new Label(m.get("audit.title"));
        title.getStyleClass().add(Styles.TITLE);

        ComboBox<String> domain = new ComboBox<>(session.domains());
        domain.setId("auditDomain");
        domain.setEditable(true);
        domain.setPromptText(m.get("audit.any"));
        domain.valueProperty().bindBidirectional(vm.domainProperty());
        domain.setPrefWidth(180);
        TextField actor = new TextField();
        actor.setId("auditActor");
        actor.setPromptText(m.get("audit.any"));
        actor.textProperty().bindBidirectional(vm.actorProperty());
        actor.setPrefColumnCount(8);
        ComboBox<String> action = new ComboBox<>(FXCollections.observableArrayList(AuditViewModel.ACTIONS));
        action.setId("auditAction");
        action.setEditable(true);
        action.setPromptText(m.get("audit.any"));
        action.valueProperty().bindBidirectional(vm.actionProperty());
        action.setPrefWidth(140);
        DatePicker from = new DatePicker();
        from.setId("auditFrom");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        from.setPrefWidth(130);
        DatePicker to = new DatePicker();
        to.setId("auditTo");
        to.valueProperty().bindBidirectional(vm.toProperty());
        to.setPrefWidth(130);
        Label rangeError = new FieldErrors().bind(to, vm.rangeErrorProperty(), "auditRangeError");
        Button apply = new Button(m.get("audit.apply"));
        apply.setId("auditApply");
        apply.setDefaultButton(true);
        apply.disableProperty().bind(vm.rangeErrorProperty().isNotEmpty());
        apply.setOnAction(e -> vm.apply());
        Button clear = new Button(m.get("audit.clear"));
        clear.setId("auditClear");
        clear.setOnAction(e -> vm.clearFilter());
        HBox filters = new HBox(8, new Label(m.get("common.domain")), domain, new Label(m.get("audit.actor")), actor,
                new Label(m.get("audit.action")), action, new Label(m.get("audit.from")), from, new Label(m.get("audit.to")), to,
                apply, clear);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<AuditRecord> table = new TableView<>(vm.entries());
        table.setId("auditTable");
        table.setPlaceholder(new Label(m.get("audit.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.column(m.get("audit.col.at"), AuditRecord::at, 230));
        table.getColumns().add(Tables.column(m.get("audit.actor"), AuditRecord::actor, 110));
        table.getColumns().add(Tables.column(m.get("audit.action"), AuditRecord::action, 150));
        table.getColumns().add(Tables.column(m.get("audit.col.target"), AuditRecord::target, 300));
        VBox.setVgrow(table, Priority.ALWAYS);
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());

        Button newer = new Button(m.get("audit.newer"));
        newer.setId("auditNewer");
        newer.disableProperty().bind(vm.pageProperty().isEqualTo(0));
        newer.setOnAction(e -> vm.newer());
        Button older = new Button(m.get("audit.older"));
        older.setId("auditOlder");
        older.disableProperty().bind(vm.moreProperty().not());
        older.setOnAction(e -> vm.older());
        Label page = new Label();
        page.getStyleClass().add(Styles.HINT);
        page.textProperty().bind(vm.pageProperty().add(1).asString(m.get("audit.page")));
        HBox paging = new HBox(8, newer, older, page);
        paging.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("auditError");
        error.getStyleClass().add(Styles.ERROR);
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        error.textProperty().bind(vm.errorProperty());

        HBox details = new HBox(12, json(m.get("audit.before"), "auditBefore", vm.beforeProperty()),
                json(m.get("audit.after"), "auditAfter", vm.afterProperty()));
        details.setPrefHeight(190);
        details.setMinHeight(150);

        getChildren().addAll(title, filters, rangeError, error, table, paging, details);
        vm.apply();
    }

    private static VBox json(String title, String id, javafx.beans.value.ObservableValue<String> text) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add(Styles.RECORD);
        area.textProperty().bind(text);
        VBox.setVgrow(area, Priority.ALWAYS);
        VBox box = new VBox(4, new Label(title), area);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }
}
