package io.lodestar.app.monitors;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Monitors per domain: the §5 form with an inline message beside each field, and "probe now". */
public final class MonitorsView extends VBox {

    public MonitorsView(Session session, MonitorsViewModel vm) {
        Messages m = session.messages();
        getStyleClass().add(Styles.SCREEN);
        setSpacing(10);
        setPadding(new Insets(16));
        Label title = new Label(m.get("monitors.title"));
        title.getStyleClass().add(Styles.TITLE);
        ComboBox<String> domain = new ComboBox<>(session.domains());
        domain.setId("monitorsDomain");
        domain.valueProperty().bindBidirectional(session.domainProperty());
        Label state = new Label();
        state.getStyleClass().add(Styles.HINT);
        state.textProperty().bind(vm.stateProperty());
        HBox top = new HBox(8, new Label(m.get("common.domain")), domain, state);
        top.setAlignment(Pos.CENTER_LEFT);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(4);
        int row = 0;
        for (String f : MonitorsViewModel.FIELDS) {
            javafx.scene.control.Control input;
            if (f.equals("protocol")) {
                ComboBox<String> p = new ComboBox<>(FXCollections.observableArrayList("ping", "tcp", "http", "https"));
                p.valueProperty().bindBidirectional(vm.value(f));
                input = p;
            } else {
                TextField t = new TextField();
                t.textProperty().bindBidirectional(vm.value(f));
                t.setPrefColumnCount(MonitorsViewModel.NUMBERS.contains(f) ? 6 : 18);
                input = t;
            }
            input.setId("monitor-" + f);
            input.disableProperty().bind(session.readOnlyProperty());
            Label error = new Label();
            error.setId("monitor-" + f + "-error");
            error.getStyleClass().add(Styles.FIELD_ERROR);
            error.textProperty().bind(vm.error(f));
            error.setWrapText(true);
            error.setMaxWidth(520);
            form.addRow(row++, new Label(m.get("monitors.field." + f)), input, error);
        }
        CheckBox verify = new CheckBox(m.get("monitors.field.verifyTls"));
        verify.setId("monitor-verifyTls");
        verify.selectedProperty().bindBidirectional(vm.verifyTlsProperty());
        verify.disableProperty().bind(session.readOnlyProperty());
        form.add(verify, 1, row);

        Button save = new Button(m.get("monitors.save"));
        save.setId("saveMonitor");
        save.disableProperty().bind(session.readOnlyProperty());
        save.setOnAction(e -> vm.save());
        Button probe = new Button(m.get("monitors.probeNow"));
        probe.setId("probeNow");
        probe.disableProperty().bind(session.readOnlyProperty());
        probe.setOnAction(e -> vm.probeNow());
        Label hint = new Label(m.get("monitors.rule"));
        hint.getStyleClass().add(Styles.HINT);
        hint.setWrapText(true);

        Label error = new Label();
        error.setId("monitorsError");
        error.getStyleClass().add(Styles.ERROR);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        error.textProperty().bind(vm.errorProperty());

        TableView<MonitorsViewModel.ProbeLine> probes = new TableView<>(vm.probes());
        probes.setId("probeTable");
        probes.setPlaceholder(new Label(m.get("monitors.probe.empty")));
        probes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        probes.getColumns().add(column(m.get("monitors.probe.endpoint"), MonitorsViewModel.ProbeLine::endpoint, 130));
        probes.getColumns().add(column(m.get("monitors.probe.point"), MonitorsViewModel.ProbeLine::point, 120));
        probes.getColumns().add(column(m.get("monitors.probe.result"),
                l -> l.ok() ? m.get("monitors.probe.ok") : m.get("monitors.probe.failed"), 80));
        probes.getColumns().add(column(m.get("monitors.probe.latency"), MonitorsViewModel.ProbeLine::latency, 90));
        probes.getColumns().add(column(m.get("monitors.probe.failure"), MonitorsViewModel.ProbeLine::failure, 220));
        probes.setPrefHeight(160);
        VBox.setVgrow(probes, Priority.ALWAYS);

        getChildren().addAll(title, top, form, hint, new HBox(8, save, probe), error, probes);
        vm.load();
    }

    private static TableColumn<MonitorsViewModel.ProbeLine, String> column(String title,
            Function<MonitorsViewModel.ProbeLine, String> f, double width) {
        TableColumn<MonitorsViewModel.ProbeLine, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
