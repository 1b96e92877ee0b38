package io.lodestar.app.endpoints;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.util.converter.DefaultStringConverter;

/** The editable endpoints table: each committed edit goes to the view model, which sends it to the node. */
final class EndpointsTable extends TableView<EndpointRow> {

    EndpointsTable(Session session, EndpointsViewModel vm) {
        super(vm.rows());
        Messages m = session.messages();
        setId("endpointsTable");
        editableProperty().bind(session.readOnlyProperty().not());
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setPlaceholder(new Label(m.get("endpoints.empty")));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<EndpointRow, String> value = new TableColumn<>(m.get("endpoints.col.value"));
        value.setCellValueFactory(r -> new javafx.beans.property.ReadOnlyStringWrapper(r.getValue().value()));
        value.setEditable(false);
        value.setPrefWidth(130);

        TableColumn<EndpointRow, String> type = text(m.get("endpoints.col.type"), EndpointRow::typeProperty, 70, vm);
        type.setCellFactory(ChoiceBoxTableCell.forTableColumn("A", "AAAA", "CNAME"));

        TableColumn<EndpointRow, String> weight = new TableColumn<>(m.get("endpoints.col.weight"));
        weight.setCellValueFactory(r -> r.getValue().weightProperty().asString());
        weight.setCellFactory(TextFieldTableCell.forTableColumn(new DefaultStringConverter()));
        weight.setOnEditCommit(e -> {
            try {
                e.getRowValue().weightProperty().set(Integer.parseInt(e.getNewValue().strip()));
            } catch (NumberFormatException x) {
                e.getRowValue().weightProperty().set(-1);
            }
            vm.commit(e.getRowValue());
        });
        weight.setPrefWidth(60);

        TableColumn<EndpointRow, String> status = new TableColumn<>(m.get("endpoints.col.status"));
        status.setCellValueFactory(r -> r.getValue().statusProperty());
        status.setCellFactory(c -> new HealthCell());
        status.setPrefWidth(80);

        getColumns().add(value);
        getColumns().add(type);
        getColumns().add(text(m.get("endpoints.col.area"), EndpointRow::areaProperty, 110, vm));
        getColumns().add(text(m.get("endpoints.col.isp"), EndpointRow::ispProperty, 60, vm));
        getColumns().add(text(m.get("endpoints.col.tags"), EndpointRow::tagProperty, 80, vm));
        getColumns().add(weight);
        getColumns().add(check(m.get("endpoints.col.enable"), EndpointRow::enableProperty));
        getColumns().add(check(m.get("endpoints.col.evalHealth"), EndpointRow::evalHealthProperty));
        getColumns().add(status);
        getColumns().add(readOnly(m.get("endpoints.col.latency"), EndpointRow::latencyProperty, 95));
        getColumns().add(readOnly(m.get("endpoints.col.failure"), EndpointRow::failureProperty, 150));
    }

    private static TableColumn<EndpointRow, String> text(String title, Function<EndpointRow, javafx.beans.property.StringProperty> p,
                                                        double width, EndpointsViewModel vm) {
        TableColumn<EndpointRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> p.apply(r.getValue()));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        BiConsumer<EndpointRow, String> set = (row, v) -> p.apply(row).set(v.strip());
        c.setOnEditCommit(e -> {
            set.accept(e.getRowValue(), e.getNewValue());
            vm.commit(e.getRowValue());
        });
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<EndpointRow, Boolean> check(String title, Function<EndpointRow, BooleanProperty> p) {
        TableColumn<EndpointRow, Boolean> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> p.apply(r.getValue()));
        c.setCellFactory(CheckBoxTableCell.forTableColumn(c));
        c.setPrefWidth(125);
        return c;
    }

    private static TableColumn<EndpointRow, String> readOnly(String title, Function<EndpointRow, ObservableValue<String>> p,
                                                            double width) {
        TableColumn<EndpointRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> p.apply(r.getValue()));
        c.setEditable(false);
        c.setPrefWidth(width);
        return c;
    }

    /** The verdict in words, coloured by the theme's health variables. */
    private static final class HealthCell extends TableCell<EndpointRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(s -> s.startsWith("ls-health-"));
            setText(empty || item == null ? null : item);
            if (!empty && item != null) {
                getStyleClass().add(Styles.health(item));
            }
        }
    }
}
