package io.lodestar.app.contacts;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A domain's notification settings: a line per contact group, a tick per event it hears. */
final class NotificationsPane extends VBox {

    NotificationsPane(Session session, NotificationsViewModel vm) {
        Messages m = session.messages();
        setSpacing(6);
        ComboBox<String> domain = new ComboBox<>(session.domains());
        domain.setId("notificationsDomain");
        domain.valueProperty().bindBidirectional(session.domainProperty());
        Button save = new Button(m.get("notifications.save"));
        save.setId("saveNotifications");
        save.disableProperty().bind(session.readOnlyProperty());
        save.setOnAction(e -> vm.save());
        Label state = new Label();
        state.setId("notificationsState");
        state.getStyleClass().add(Styles.HINT);
        state.textProperty().bind(vm.stateProperty());
        HBox head = new HBox(8, ContactsView.heading(m.get("notifications.title")), domain, save, state);
        head.setAlignment(Pos.CENTER_LEFT);

        TableView<NotificationRow> table = new TableView<>(vm.rows());
        table.setId("notificationsTable");
        table.setPlaceholder(new Label(m.get("notifications.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.editableProperty().bind(session.readOnlyProperty().not());
        TableColumn<NotificationRow, String> group = new TableColumn<>(m.get("contacts.col.group"));
        group.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().group()));
        group.setPrefWidth(110);
        table.getColumns().add(group);
        for (String k : NotificationRow.KINDS) {
            TableColumn<NotificationRow, Boolean> c = new TableColumn<>(m.get("notifications.kind." + k));
            c.setCellValueFactory(d -> d.getValue().hears(k));
            c.setCellFactory(CheckBoxTableCell.forTableColumn(c));
            c.setEditable(true);
            c.setPrefWidth(95);
            table.getColumns().add(c);
        }
        table.setPrefHeight(120);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label error = new Label();
        error.setId("notificationsError");
        error.getStyleClass().add(Styles.ERROR);
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        error.textProperty().bind(vm.errorProperty());
        getChildren().addAll(head, table, error);
    }
}
