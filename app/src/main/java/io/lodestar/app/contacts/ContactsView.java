package io.lodestar.app.contacts;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.FieldErrors;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import io.lodestar.app.ui.Tables;
import io.lodestar.engine.api.client.ContactGroupInfo;
import io.lodestar.engine.api.client.ContactInfo;
import io.lodestar.engine.api.client.DeliveryInfo;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

/**
 * Contacts: contacts and groups side by side, each with its form and "send test", the test's
 * outcome per channel below, and the chosen domain's notification settings.
 */
public final class ContactsView extends VBox {

    public ContactsView(Session session, ContactsViewModel vm, NotificationsViewModel notifications) {
        Messages m = session.messages();
        getStyleClass().add(Styles.SCREEN);
        setSpacing(8);
        setPadding(new Insets(12, 16, 12, 16));
        Label title = new Label(m.get("contacts.title"));
        title.getStyleClass().add(Styles.TITLE);
        FieldErrors fieldErrors = new FieldErrors();

        VBox people = contactsPane(session, vm, fieldErrors);
        VBox teams = groupsPane(session, vm, fieldErrors);
        HBox.setHgrow(people, Priority.ALWAYS);
        HBox.setHgrow(teams, Priority.ALWAYS);
        HBox forms = new HBox(16, people, teams);

        Label error = new Label();
        error.setId("contactsError");
        error.getStyleClass().add(Styles.ERROR);
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        error.textProperty().bind(vm.errorProperty());

        VBox test = testPane(m, vm);
        NotificationsPane notify = new NotificationsPane(session, notifications);
        HBox.setHgrow(test, Priority.ALWAYS);
        HBox.setHgrow(notify, Priority.ALWAYS);
        HBox below = new HBox(16, test, notify);
        VBox.setVgrow(below, Priority.ALWAYS);

        getChildren().addAll(title, forms, error, new MailServerPane(session, new MailServerViewModel(session)), below);
        // a group saved or deleted here gets (or loses) its line in the notification settings
        vm.groups().addListener((javafx.collections.ListChangeListener<ContactGroupInfo>) c -> notifications.load());
        vm.load();
    }

    private static VBox contactsPane(Session session, ContactsViewModel vm, FieldErrors fieldErrors) {
        Messages m = session.messages();
        TableView<ContactInfo> table = new TableView<>(vm.contacts());
        table.setId("contactsTable");
        table.setPlaceholder(new Label(m.get("contacts.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.column(m.get("contacts.col.name"), ContactInfo::name, 90));
        table.getColumns().add(Tables.column(m.get("contacts.col.email"), ContactInfo::email, 140));
        table.getColumns().add(Tables.column(m.get("contacts.col.phone"), ContactInfo::phone, 90));
        table.getColumns().add(Tables.column(m.get("contacts.col.webhook"), ContactInfo::webhook, 160));
        table.setPrefHeight(130);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null) {
                vm.edit(c);
            }
        });

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(3);
        int row = 0;
        for (String f : ContactsViewModel.FIELDS) {
            TextField t = new TextField();
            t.setId("contact-" + f);
            t.setPromptText(m.get("contacts.prompt." + f));
            t.textProperty().bindBidirectional(vm.value(f));
            t.disableProperty().bind(session.readOnlyProperty());
            GridPane.setHgrow(t, Priority.ALWAYS);
            form.addRow(row++, new Label(m.get("contacts.field." + f)), t);
            form.add(fieldErrors.bind(t, vm.error(f), "contact-" + f + "-error"), 1, row++);
        }
        Button clear = new Button(m.get("contacts.new"));
        clear.setId("newContact");
        clear.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            vm.clearContact();
        });
        Button save = new Button(m.get("contacts.save"));
        save.setId("saveContact");
        save.disableProperty().bind(session.readOnlyProperty().or(vm.value("name").isEmpty()));
        save.setOnAction(e -> vm.saveContact());
        Button delete = new Button(m.get("contacts.delete"));
        delete.setId("deleteContact");
        delete.disableProperty().bind(session.readOnlyProperty().or(table.getSelectionModel().selectedItemProperty().isNull()));
        delete.setOnAction(e -> vm.deleteContact(table.getSelectionModel().getSelectedItem()));
        Button test = new Button(m.get("contacts.sendTest"));
        test.setId("testContact");
        test.disableProperty().bind(session.readOnlyProperty().or(table.getSelectionModel().selectedItemProperty().isNull()));
        test.setOnAction(e -> vm.sendTest(table.getSelectionModel().getSelectedItem()));
        HBox buttons = new HBox(8, clear, save, delete, test);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, heading(m.get("contacts.contacts")), table, form, buttons);
    }

    private static VBox groupsPane(Session session, ContactsViewModel vm, FieldErrors fieldErrors) {
        Messages m = session.messages();
        TableView<ContactGroupInfo> table = new TableView<>(vm.groups());
        table.setId("groupsTable");
        table.setPlaceholder(new Label(m.get("contacts.groups.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.column(m.get("contacts.col.group"), ContactGroupInfo::name, 110));
        table.getColumns().add(Tables.column(m.get("contacts.col.members"), g -> String.join(", ", g.members()), 220));
        table.setPrefHeight(130);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> {
            if (g != null) {
                vm.editGroup(g);
            }
        });

        TextField name = new TextField();
        name.setId("group-name");
        name.setPromptText(m.get("contacts.prompt.group"));
        name.textProperty().bindBidirectional(vm.groupNameProperty());
        name.disableProperty().bind(session.readOnlyProperty());
        CheckComboBox<String> members = new CheckComboBox<>(vm.contactNames());
        members.setId("group-members");
        members.setTitle(m.get("contacts.prompt.members"));
        members.setShowCheckedCount(true);
        members.disableProperty().bind(session.readOnlyProperty());
        members.setMaxWidth(Double.MAX_VALUE);
        MemberSync.bind(members, vm.members());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(3);
        GridPane.setHgrow(name, Priority.ALWAYS);
        GridPane.setHgrow(members, Priority.ALWAYS);
        form.addRow(0, new Label(m.get("contacts.field.group")), name);
        form.add(fieldErrors.bind(name, vm.groupNameErrorProperty(), "group-name-error"), 1, 1);
        form.addRow(2, new Label(m.get("contacts.field.members")), members);
        form.add(fieldErrors.bind(members, vm.membersErrorProperty(), "group-members-error"), 1, 3);

        Button clear = new Button(m.get("contacts.groups.new"));
        clear.setId("newGroup");
        clear.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            vm.clearGroup();
        });
        Button save = new Button(m.get("contacts.groups.save"));
        save.setId("saveGroup");
        save.disableProperty().bind(session.readOnlyProperty().or(vm.groupNameProperty().isEmpty()));
        save.setOnAction(e -> vm.saveGroup());
        Button delete = new Button(m.get("contacts.delete"));
        delete.setId("deleteGroup");
        delete.disableProperty().bind(session.readOnlyProperty().or(table.getSelectionModel().selectedItemProperty().isNull()));
        delete.setOnAction(e -> vm.deleteGroup(table.getSelectionModel().getSelectedItem()));
        Button test = new Button(m.get("contacts.groups.sendTest"));
        test.setId("testGroup");
        test.disableProperty().bind(session.readOnlyProperty().or(table.getSelectionModel().selectedItemProperty().isNull()));
        test.setOnAction(e -> vm.sendGroupTest(table.getSelectionModel().getSelectedItem()));
        HBox buttons = new HBox(8, clear, save, delete, test);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, heading(m.get("contacts.groups")), table, form, buttons);
    }

    private static VBox testPane(Messages m, ContactsViewModel vm) {
        Label state = new Label();
        state.setId("testState");
        state.getStyleClass().add(Styles.HINT);
        state.textProperty().bind(vm.testStateProperty());
        TableView<DeliveryInfo> table = new TableView<>(vm.results());
        table.setId("testResults");
        table.setPlaceholder(new Label(m.get("contacts.test.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.column(m.get("contacts.col.name"), DeliveryInfo::contact, 60));
        table.getColumns().add(Tables.column(m.get("contacts.test.channel"), DeliveryInfo::channel, 60));
        table.getColumns().add(Tables.outcomeColumn(m.get("contacts.test.result"),
                d -> d.ok() ? m.get("contacts.test.ok") : m.get("contacts.test.failed"), DeliveryInfo::ok, 65));
        TableColumn<DeliveryInfo, String> detail = Tables.column(m.get("contacts.test.detail"), DeliveryInfo::detail, 300);
        detail.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        table.getColumns().add(detail);
        table.setPrefHeight(120);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox head = new HBox(8, heading(m.get("contacts.test.title")), state);
        head.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, head, table);
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.SUBTITLE);
        return l;
    }
}
