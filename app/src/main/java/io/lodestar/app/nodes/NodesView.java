package io.lodestar.app.nodes;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.FieldErrors;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Polling;
import io.lodestar.app.ui.Styles;
import io.lodestar.app.ui.Tables;
import javafx.animation.Timeline;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Nodes: which node the console manages, its own node (stop/start, listeners, log), the remote
 * nodes the console knows, the cluster members of the managed node (polled while shown); the
 * sections scroll.
 */
public final class NodesView extends VBox {

    private final Timeline poll;

    public NodesView(Session session, NodesViewModel vm) {
        Messages m = session.messages();
        getStyleClass().add(Styles.SCREEN);
        setSpacing(8);
        setPadding(new Insets(12, 16, 12, 16));
        Label title = new Label(m.get("nodes.title"));
        title.getStyleClass().add(Styles.TITLE);
        Label managed = new Label();
        managed.setId("managedNode");
        managed.textProperty().bind(vm.managedProperty());
        Button manageLocal = new Button(m.get("nodes.manageLocal"));
        manageLocal.setId("manageLocal");
        manageLocal.setOnAction(e -> vm.manageLocal());
        manageLocal.disableProperty().bind(vm.managingLocalProperty());
        HBox managing = new HBox(10, managed, manageLocal);
        managing.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(10, localPane(m, vm), remotePane(m, vm), new MembersPane(session, vm.members()));
        content.setPadding(new Insets(0, 4, 0, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("nodesScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, managing, scroll, error(vm));
        poll = Polling.whileShown(this, Duration.seconds(3), vm.members()::refresh);
        vm.load();
    }

    /** Stops polling the cluster members (the shell dropped this screen). */
    public void dispose() {
        poll.stop();
    }

    private static VBox localPane(Messages m, NodesViewModel vm) {
        Label state = new Label();
        state.setId("localState");
        state.textProperty().bind(vm.localStateProperty());
        Label data = new Label(vm.hasLocal() ? m.get("nodes.data", vm.localData()) : "");
        data.getStyleClass().add(Styles.HINT);
        Button stop = new Button(m.get("nodes.stop"));
        stop.setId("stopLocal");
        stop.disableProperty().bind(vm.localRunningProperty().not());
        stop.setOnAction(e -> vm.stopLocal());
        Button start = new Button(m.get("nodes.start"));
        start.setId("startLocal");
        if (vm.hasLocal()) {
            start.disableProperty().bind(vm.localRunningProperty());
        } else {
            start.setDisable(true);
        }
        start.setOnAction(e -> vm.startLocal());
        HBox row = new HBox(10, state, stop, start);
        row.setAlignment(Pos.CENTER_LEFT);
        ListView<String> log = new ListView<>(vm.localLog());
        log.setId("localLog");
        log.getStyleClass().add(Styles.RECORD);
        log.setPrefHeight(90);
        return new VBox(6, heading(m.get("nodes.local")), row, data, log);
    }

    private static VBox remotePane(Messages m, NodesViewModel vm) {
        TableView<RemoteStatus> table = new TableView<>(vm.remotes());
        table.setId("remotesTable");
        table.setPlaceholder(new Label(m.get("nodes.remotes.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.column(m.get("nodes.col.url"), r -> r.node().url(), 200));
        TableColumn<RemoteStatus, String> state = Tables.outcomeColumn(m.get("nodes.col.state"),
                r -> r.online() ? m.get("nodes.online") : m.get("nodes.offline"), RemoteStatus::online, 70);
        table.getColumns().add(state);
        table.getColumns().add(Tables.column(m.get("nodes.col.name"), RemoteStatus::name, 90));
        table.getColumns().add(Tables.column(m.get("nodes.col.version"), RemoteStatus::version, 110));
        table.getColumns().add(Tables.column(m.get("nodes.col.site"), RemoteStatus::site, 120));
        table.getColumns().add(Tables.column(m.get("nodes.col.role"), RemoteStatus::role, 60));
        table.getColumns().add(Tables.column(m.get("nodes.col.problem"), RemoteStatus::problem, 200));
        table.setPrefHeight(120);

        Button add = new Button(m.get("nodes.add"));
        add.setId("addRemote");
        add.disableProperty().bind(vm.newUrlProperty().isEmpty());
        add.setOnAction(e -> vm.add());
        GridPane form = urlTokenForm(m, "remote", "http://192.0.2.53:8053", m.get("nodes.tokenPrompt"), add,
                new StringProperty[] {vm.newUrlProperty(), vm.newTokenProperty(), vm.urlErrorProperty(), vm.tokenErrorProperty()});

        Button manage = new Button(m.get("nodes.manage"));
        manage.setId("manageRemote");
        manage.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        manage.setOnAction(e -> vm.manage(table.getSelectionModel().getSelectedItem()));
        Button remove = new Button(m.get("nodes.remove"));
        remove.setId("removeRemote");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.remove(table.getSelectionModel().getSelectedItem()));
        Button check = new Button(m.get("nodes.check"));
        check.setId("checkRemotes");
        check.setOnAction(e -> vm.load());
        HBox buttons = new HBox(8, manage, remove, check);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(m.get("nodes.remotes.hint"));
        hint.getStyleClass().add(Styles.HINT);
        hint.setWrapText(true);
        return new VBox(6, heading(m.get("nodes.remotes")), hint, form, table, buttons);
    }

    /**
     * A URL field and a token field with their messages beside them, and {@code add}; ids
     * {@code <prefix>Url}, {@code <prefix>Token}, {@code <prefix>UrlError}, {@code <prefix>TokenError}.
     *
     * @param p the typed URL, the typed token, the URL's message, the token's message
     */
    static GridPane urlTokenForm(Messages m, String prefix, String urlPrompt, String tokenPrompt, Button add, StringProperty[] p) {
        TextField url = new TextField();
        url.setId(prefix + "Url");
        url.setPromptText(urlPrompt);
        url.textProperty().bindBidirectional(p[0]);
        url.setPrefColumnCount(24);
        PasswordField token = new PasswordField();
        token.setId(prefix + "Token");
        token.setPromptText(tokenPrompt);
        token.textProperty().bindBidirectional(p[1]);
        token.setPrefColumnCount(24);
        FieldErrors errors = new FieldErrors();
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(3);
        form.addRow(0, new Label(m.get("nodes.url")), url, new Label(m.get("nodes.token")), token, add);
        form.add(errors.bind(url, p[2], prefix + "UrlError"), 1, 1);
        form.add(errors.bind(token, p[3], prefix + "TokenError"), 3, 1);
        return form;
    }

    private static Label error(NodesViewModel vm) {
        Label error = new Label();
        error.setId("nodesError");
        error.getStyleClass().add(Styles.ERROR);
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        error.textProperty().bind(vm.errorProperty());
        return error;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.SUBTITLE);
        return l;
    }
}
