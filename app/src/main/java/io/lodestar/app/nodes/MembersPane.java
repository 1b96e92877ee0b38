package io.lodestar.app.nodes;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import io.lodestar.app.ui.Tables;
import io.lodestar.engine.api.client.NodeInfo;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The cluster members of the managed node: table, add form, retry push, remove with a confirmation. */
final class MembersPane extends VBox {

    MembersPane(Session session, MembersViewModel vm) {
        super(6);
        Messages m = session.messages();
        TableView<NodeInfo> table = table(m, vm);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button add = new Button(m.get("members.add"));
        add.setId("addMember");
        add.disableProperty().bind(session.readOnlyProperty().or(vm.newUrlProperty().isEmpty()));
        add.setOnAction(e -> vm.add());
        GridPane form = NodesView.urlTokenForm(m, "member", "http://192.0.2.54:8053", m.get("members.tokenPrompt"), add,
                new StringProperty[] {vm.newUrlProperty(), vm.newTokenProperty(), vm.urlErrorProperty(), vm.tokenErrorProperty()});
        form.disableProperty().bind(session.readOnlyProperty());

        var selected = table.getSelectionModel().selectedItemProperty();
        BooleanBinding notMember = Bindings.createBooleanBinding(() -> selected.get() == null
                || !MembersViewModel.member(selected.get()), selected);
        Button retry = new Button(m.get("members.retry"));
        retry.setId("retryPush");
        retry.disableProperty().bind(session.readOnlyProperty().or(Bindings.createBooleanBinding(
                () -> selected.get() == null || !MembersViewModel.retryable(selected.get()), selected)));
        retry.setOnAction(e -> vm.retry(selected.get()));
        Button remove = new Button(m.get("members.remove"));
        remove.setId("removeMember");
        remove.disableProperty().bind(session.readOnlyProperty().or(notMember));
        remove.setOnAction(e -> vm.askRemove(selected.get()));
        HBox buttons = new HBox(8, retry, remove, confirm(m, vm));
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label(m.get("members.hint"));
        hint.getStyleClass().add(Styles.HINT);
        hint.setWrapText(true);
        Label error = new Label();
        error.setId("membersError");
        error.getStyleClass().add(Styles.ERROR);
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        error.textProperty().bind(vm.errorProperty());
        Label heading = new Label(m.get("members.title"));
        heading.getStyleClass().add(Styles.SUBTITLE);
        getChildren().addAll(heading, hint, form, table, buttons, error);
    }

    private static HBox confirm(Messages m, MembersViewModel vm) {
        Label question = new Label();
        question.setId("removeMemberQuestion");
        question.textProperty().bind(vm.pendingRemoveProperty().map(n -> m.get("members.remove.confirm", n.name(), n.url()))
                .orElse(""));
        Button yes = new Button(m.get("members.remove.yes"));
        yes.setId("confirmRemoveMember");
        yes.setOnAction(e -> vm.confirmRemove());
        Button no = new Button(m.get("members.remove.no"));
        no.setOnAction(e -> vm.cancelRemove());
        HBox box = new HBox(8, question, yes, no);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(vm.pendingRemoveProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static TableView<NodeInfo> table(Messages m, MembersViewModel vm) {
        TableView<NodeInfo> table = new TableView<>(vm.members());
        table.setId("membersTable");
        table.setPlaceholder(new Label(m.get("members.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.column(m.get("members.col.name"), n -> n.name(), 150));
        table.getColumns().add(Tables.column(m.get("nodes.col.role"), n -> n.role(), 60));
        table.getColumns().add(Tables.column(m.get("nodes.col.site"), n -> n.site(), 105));
        table.getColumns().add(Tables.column(m.get("members.col.snapshot"), n -> Long.toString(n.snapshotVersion()), 75));
        table.getColumns().add(Tables.column(m.get("members.col.lag"), n -> Long.toString(n.lag()), 40));
        table.getColumns().add(Tables.column(m.get("members.col.contact"), vm::lastContact, 120));
        table.getColumns().add(statusColumn(m.get("nodes.col.state"), vm));
        table.getColumns().add(Tables.column(m.get("members.col.failing"), n -> String.join(", ", n.failing()), 200));
        table.getColumns().add(Tables.column(m.get("members.col.qps"), MembersViewModel::qps, 75));
        table.getColumns().add(Tables.column(m.get("nodes.col.problem"), n -> n.error(), 100));
        table.setPrefHeight(130);
        keepSelection(table);
        return table;
    }

    private static TableColumn<NodeInfo, String> statusColumn(String title, MembersViewModel vm) {
        TableColumn<NodeInfo, String> c = Tables.column(title, vm::status, 85);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                NodeInfo row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                getStyleClass().removeIf(x -> x.startsWith("ls-health-"));
                if (row != null) {
                    getStyleClass().add(Styles.health(MembersViewModel.health(row)));
                }
            }
        });
        return c;
    }

    /** A refresh replaces the rows; the member selected before stays selected. */
    private static void keepSelection(TableView<NodeInfo> table) {
        String[] selectedId = {null};
        table.getSelectionModel().selectedItemProperty().addListener((o, a, n) -> {
            if (n != null) {
                selectedId[0] = n.id();
            }
        });
        table.getItems().addListener((ListChangeListener<NodeInfo>) c -> {
            if (selectedId[0] == null || table.getSelectionModel().getSelectedItem() != null) {
                return;
            }
            table.getItems().stream().filter(n -> n.id().equals(selectedId[0])).findFirst()
                    .ifPresentOrElse(n -> table.getSelectionModel().select(n), () -> selectedId[0] = null);
        });
    }
}
