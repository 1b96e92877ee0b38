package io.lodestar.app.access;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import io.lodestar.engine.api.client.TokenInfo;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Access: tokens with roles, the new token's secret once, and which token the console uses. */
public final class AccessView extends VBox {

    public AccessView(Session session, AccessViewModel vm) {
        Messages m = session.messages();
        getStyleClass().add(Styles.SCREEN);
        setSpacing(10);
        setPadding(new Insets(16));
        Label title = new Label(m.get("access.title"));
        title.getStyleClass().add(Styles.TITLE);
        Label who = new Label();
        who.setId("connectedAs");
        who.textProperty().bind(vm.identityText());
        Label roles = new Label(m.get("access.roles"));
        roles.getStyleClass().add(Styles.HINT);
        roles.setWrapText(true);

        TableView<TokenInfo> table = new TableView<>(vm.tokens());
        table.setId("tokensTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label note = new Label();
        note.textProperty().bind(vm.listNoteProperty());
        note.setWrapText(true);
        table.setPlaceholder(note);
        table.getColumns().add(column(m.get("access.col.name"), TokenInfo::name, 140));
        table.getColumns().add(column(m.get("access.col.role"), TokenInfo::role, 80));
        table.getColumns().add(column(m.get("access.col.created"), TokenInfo::createdAt, 200));
        table.getColumns().add(column(m.get("access.col.lastUsed"), TokenInfo::lastUsedAt, 200));
        table.setPrefHeight(200);
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField name = new TextField();
        name.setId("newTokenName");
        name.setPromptText(m.get("access.newName"));
        name.textProperty().bindBidirectional(vm.newNameProperty());
        ChoiceBox<String> role = new ChoiceBox<>(FXCollections.observableArrayList("read", "write", "full"));
        role.setId("newTokenRole");
        role.valueProperty().bindBidirectional(vm.newRoleProperty());
        Button create = new Button(m.get("access.create"));
        create.setId("createToken");
        create.setOnAction(e -> vm.create());
        Button delete = new Button(m.get("access.delete"));
        delete.setId("deleteToken");
        delete.disableProperty().bind(vm.manageDisabled().or(table.getSelectionModel().selectedItemProperty().isNull()));
        delete.setOnAction(e -> vm.delete(table.getSelectionModel().getSelectedItem()));
        HBox createRow = new HBox(8, name, role, create, delete);
        createRow.setAlignment(Pos.CENTER_LEFT);
        name.disableProperty().bind(vm.manageDisabled());
        role.disableProperty().bind(vm.manageDisabled());
        create.disableProperty().bind(vm.manageDisabled().or(vm.newNameProperty().isEmpty()));

        TextField secret = new TextField();
        secret.setId("issuedSecret");
        secret.setEditable(false);
        secret.textProperty().bind(vm.issuedProperty());
        secret.setPrefColumnCount(34);
        Label once = new Label(m.get("access.shownOnce"));
        once.getStyleClass().add(Styles.HINT);
        HBox issued = new HBox(8, secret, once);
        issued.setAlignment(Pos.CENTER_LEFT);
        issued.visibleProperty().bind(vm.issuedProperty().isNotEmpty());
        issued.managedProperty().bind(issued.visibleProperty());

        PasswordField use = new PasswordField();
        use.setId("useTokenField");
        use.setPromptText(m.get("access.usePrompt"));
        use.textProperty().bindBidirectional(vm.useTokenProperty());
        use.setPrefColumnCount(30);
        Button useIt = new Button(m.get("access.use"));
        useIt.setId("useToken");
        useIt.setOnAction(e -> vm.useTypedToken());
        Button home = new Button(m.get("access.useHome"));
        home.setId("useHomeToken");
        home.setOnAction(e -> vm.useHomeToken());
        HBox useRow = new HBox(8, use, useIt, home);
        useRow.setAlignment(Pos.CENTER_LEFT);
        Label useTitle = new Label(m.get("access.useTitle"));
        useTitle.getStyleClass().add(Styles.TITLE);

        Label error = new Label();
        error.getStyleClass().add(Styles.ERROR);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        error.textProperty().bind(vm.errorProperty());

        getChildren().addAll(title, who, roles, createRow, issued, error, table, useTitle, useRow);
        vm.load();
    }

    private static TableColumn<TokenInfo, String> column(String title, Function<TokenInfo, String> f, double width) {
        TableColumn<TokenInfo, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
