package io.lodestar.app.access;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Subscriptions;
import io.lodestar.engine.api.client.HttpNodeClient;
import io.lodestar.engine.api.client.Identity;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import io.lodestar.engine.api.client.TokenInfo;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Access: the node's tokens and their roles (a {@code full} token manages them), the secret of a new
 * token shown once, and which token the console itself uses. A {@code read} token makes the whole
 * console read-only through the session.
 */
public final class AccessViewModel {

    private final Session session;
    private final Subscriptions subs = new Subscriptions();
    private final NodeClient home;
    private final ObservableList<TokenInfo> tokens = FXCollections.observableArrayList();
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newRole = new SimpleStringProperty("read");
    private final ReadOnlyStringWrapper issued = new ReadOnlyStringWrapper("");
    private final StringProperty useToken = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper listNote = new ReadOnlyStringWrapper("");

    /** {@code home} is the client the console started with (the embedded node's admin), to return to. */
    public AccessViewModel(Session session, NodeClient home) {
        this.session = session;
        this.home = home;
        subs.listen(session.identityProperty(), (o, a, x) -> load());
    }

    public ObservableList<TokenInfo> tokens() {
        return tokens;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newRoleProperty() {
        return newRole;
    }

    /** The secret of the token just created; the node never shows it again. */
    public ReadOnlyStringProperty issuedProperty() {
        return issued.getReadOnlyProperty();
    }

    /** A token secret the user pastes to manage the node as that token. */
    public StringProperty useTokenProperty() {
        return useToken;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Why the token list is not shown (the current token is not {@code full}), else empty. */
    public ReadOnlyStringProperty listNoteProperty() {
        return listNote.getReadOnlyProperty();
    }

    /** "Connected as NAME (ROLE)". */
    public StringBinding identityText() {
        return Bindings.createStringBinding(() -> {
            Identity i = session.identityProperty().get();
            return i == null ? "" : session.messages().get("access.connectedAs", i.name(), i.role());
        }, session.identityProperty());
    }

    /** Token management needs a {@code full} token. */
    public BooleanBinding manageDisabled() {
        return Bindings.createBooleanBinding(() -> {
            Identity i = session.identityProperty().get();
            return i == null || !i.mayManageTokens();
        }, session.identityProperty());
    }

    public void load() {
        Identity i = session.identityProperty().get();
        if (i == null || !i.mayManageTokens()) {
            tokens.clear();
            listNote.set(i == null ? "" : session.messages().get("access.needFull", i.role()));
            return;
        }
        NodeClient c = session.client();
        session.tasks().run(c::tokens, list -> {
            listNote.set("");
            tokens.setAll(list);
        }, this::failed);
    }

    public void create() {
        String name = newName.get().strip();
        String role = newRole.get();
        NodeClient c = session.client();
        session.tasks().run(() -> c.createToken(name, role), t -> {
            issued.set(t.secret());
            useToken.set(t.secret());
            newName.set("");
            error.set("");
            load();
        }, this::failed);
    }

    public void delete(TokenInfo t) {
        NodeClient c = session.client();
        session.tasks().run(() -> {
            c.deleteToken(t.name());
            return true;
        }, ok -> load(), this::failed);
    }

    /** Manages the same node as the pasted token from now on. */
    public void useTypedToken() {
        String secret = useToken.get().strip();
        if (!secret.isEmpty()) {
            issued.set("");
            session.connect(new HttpNodeClient(session.client().baseUrl(), secret));
        }
    }

    /** Back to the token the console started with. */
    public void useHomeToken() {
        session.connect(home);
    }

    private void failed(NodeClientException e) {
        error.set(session.explain(e));
    }

    /** Stops following the session (the shell dropped this screen). */
    public void dispose() {
        subs.dispose();
    }
}
