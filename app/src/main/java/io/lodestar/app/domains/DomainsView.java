package io.lodestar.app.domains;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import io.lodestar.engine.api.client.DomainInfo;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Domains screen: binds {@link DomainsViewModel} and forwards the user's clicks to it. */
public final class DomainsView extends VBox {

    private final DomainsViewModel vm;

    public DomainsView(Session session, DomainsViewModel vm) {
        this.vm = vm;
        Messages m = session.messages();
        getStyleClass().add(Styles.SCREEN);
        setSpacing(10);
        setPadding(new Insets(16));

        Label title = new Label(m.get("domains.title"));
        title.getStyleClass().add(Styles.TITLE);

        TextField name = new TextField();
        name.setId("newDomain");
        name.setPromptText(m.get("domains.newPrompt"));
        name.textProperty().bindBidirectional(vm.newNameProperty());
        name.setPrefColumnCount(24);
        name.disableProperty().bind(session.readOnlyProperty());
        Button create = button("createDomain", m.get("domains.create"));
        create.disableProperty().bind(vm.createDisabled());
        create.setDefaultButton(false);
        create.setOnAction(e -> vm.create());
        name.setOnAction(e -> {
            if (!create.isDisabled()) {
                vm.create();
            }
        });
        Button delete = button("deleteDomain", m.get("domains.delete"));
        Button start = button("startDomain", m.get("domains.start"));
        Button stop = button("stopDomain", m.get("domains.stop"));
        Button pause = button("pauseDomain", m.get("domains.pause"));
        for (Button b : new Button[] {delete, start, stop, pause}) {
            b.disableProperty().bind(vm.selectionActionsDisabled());
        }
        delete.setOnAction(e -> vm.deleteSelected());
        start.setOnAction(e -> vm.setStatus("start"));
        stop.setOnAction(e -> vm.setStatus("stop"));
        pause.setOnAction(e -> vm.setStatus("pause"));
        HBox bar = new HBox(8, name, create, delete, start, stop, pause);

        TableView<DomainInfo> table = new TableView<>(vm.domains());
        table.setId("domainsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.get("domains.empty")));
        table.getColumns().add(column(m.get("domains.col.domain"), DomainInfo::domain, 180));
        table.getColumns().add(column(m.get("domains.col.cname"), DomainInfo::cname, 260));
        table.getColumns().add(column(m.get("domains.col.status"), d -> statusText(m, d.status()), 90));
        table.getColumns().add(column(m.get("domains.col.monitor"), DomainInfo::monitorStatus, 110));
        table.getColumns().add(column(m.get("domains.col.resource"), DomainInfo::resourceStatus, 110));
        table.getColumns().add(column(m.get("domains.col.distribution"),
                d -> d.hasDistribution() ? m.get("common.yes") : m.get("common.no"), 110));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            vm.selectedProperty().set(d);
            if (d != null) {
                session.domainProperty().set(d.domain());
            }
        });
        vm.selectedProperty().addListener((o, a, d) -> {
            if (d != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(d);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label record = new Label();
        record.setId("cnameRecord");
        record.getStyleClass().add(Styles.RECORD);
        record.textProperty().bind(vm.recordProperty());
        record.visibleProperty().bind(vm.recordProperty().isNotEmpty());
        Button copy = button("copyCname", m.get("domains.copyCname"));
        copy.disableProperty().bind(vm.selectedProperty().isNull());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.recordProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Label hint = new Label(m.get("domains.cnameHint"));
        hint.getStyleClass().add(Styles.HINT);
        HBox recordBar = new HBox(8, copy, record);

        Label error = new Label();
        error.setId("domainsError");
        error.getStyleClass().add(Styles.ERROR);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        error.textProperty().bind(vm.errorProperty());
        error.setWrapText(true);

        getChildren().addAll(title, bar, error, table, hint, recordBar);
        vm.refresh();
    }

    private static String statusText(Messages m, String status) {
        switch (status) {
            case "start":
                return m.get("domains.status.start");
            case "stop":
                return m.get("domains.status.stop");
            case "pause":
                return m.get("domains.status.pause");
            default:
                return m.get("domains.status.none");
        }
    }

    static Button button(String id, String text) {
        Button b = new Button(text);
        b.setId(id);
        return b;
    }

    private static TableColumn<DomainInfo, String> column(String title, Function<DomainInfo, String> f, double width) {
        TableColumn<DomainInfo, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public DomainsViewModel viewModel() {
        return vm;
    }
}
