package io.lodestar.app.nodes;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Subscriptions;
import io.lodestar.engine.api.client.HttpNodeClient;
import io.lodestar.engine.api.client.Identity;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import io.lodestar.engine.api.client.NodeInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Nodes: the console's own node (running or not, its listeners, data folder, recent log, stop and
 * start) and the console's list of remote nodes, added by URL and token once the node answers,
 * kept in the user's data folder, each with its online state, name, version and site. "Manage"
 * switches the whole console to that node; "manage the local node" switches back. The cluster
 * members of the managed node are {@link #members()}.
 */
public final class NodesViewModel {

    private final Session session;
    private final Messages m;
    private final NodeClient home;
    private final Optional<LocalNodeControl> local;
    private final RemoteNodes store;
    private final Subscriptions subs = new Subscriptions();
    private final MembersViewModel members;
    private final ReadOnlyBooleanWrapper localRunning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper localState = new ReadOnlyStringWrapper("");
    private final ObservableList<String> localLog = FXCollections.observableArrayList();
    private final ObservableList<RemoteStatus> remotes = FXCollections.observableArrayList();
    private final StringProperty newUrl = new SimpleStringProperty("");
    private final StringProperty newToken = new SimpleStringProperty("");
    private final StringProperty urlError = new SimpleStringProperty("");
    private final StringProperty tokenError = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper managed = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper managingLocal = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /** {@code home}: the client of the console's own node; {@code local} empty when the console runs none. */
    public NodesViewModel(Session session, NodeClient home, Optional<LocalNodeControl> local, RemoteNodes store) {
        this.session = session;
        this.m = session.messages();
        this.home = home;
        this.local = local;
        this.store = store;
        this.members = new MembersViewModel(session, java.time.ZoneId.systemDefault());
        newUrl.addListener((o, a, v) -> urlError.set(apiUrl(v) ? "" : m.get("nodes.hint.url")));
        newToken.addListener((o, a, v) -> tokenError.set(""));
        subs.listen(session.clientProperty(), (o, a, c) -> showManaged(c));
        showManaged(session.client());
    }

    /** True for nothing typed yet or {@code http(s)://host:port}, with at most a trailing slash. */
    static boolean apiUrl(String typed) {
        return typed.isBlank() || typed.strip().matches("(?i)https?://[^/\\s]+/?");
    }

    /** The cluster members of the node the console manages. */
    public MembersViewModel members() {
        return members;
    }

    private void showManaged(NodeClient c) {
        managingLocal.set(c == home);
        managed.set(c == home ? m.get("nodes.managingLocal", c.baseUrl()) : m.get("nodes.managingRemote", c.baseUrl()));
    }

    /** True while the console manages its own node. */
    public ReadOnlyBooleanProperty managingLocalProperty() {
        return managingLocal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty localRunningProperty() {
        return localRunning.getReadOnlyProperty();
    }

    /** "Running: API …, DNS …" or "Stopped", or "no local node" when the console runs none. */
    public ReadOnlyStringProperty localStateProperty() {
        return localState.getReadOnlyProperty();
    }

    public ObservableList<String> localLog() {
        return localLog;
    }

    public boolean hasLocal() {
        return local.isPresent();
    }

    /** The local node's data folder, or "". */
    public String localData() {
        return local.map(l -> l.data().toString()).orElse("");
    }

    public ObservableList<RemoteStatus> remotes() {
        return remotes;
    }

    public StringProperty newUrlProperty() {
        return newUrl;
    }

    public StringProperty newTokenProperty() {
        return newToken;
    }

    public StringProperty urlErrorProperty() {
        return urlError;
    }

    public StringProperty tokenErrorProperty() {
        return tokenError;
    }

    /** Which node the console manages now. */
    public ReadOnlyStringProperty managedProperty() {
        return managed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Reads the local node's state and the saved remotes, then asks each remote how it is. */
    public void load() {
        showLocal();
        members.refresh();
        session.tasks().run(this::checkAll, remotes::setAll, this::failed);
    }

    private List<RemoteStatus> checkAll() {
        List<RemoteStatus> out = new ArrayList<>();
        try {
            for (RemoteNode n : store.load()) {
                out.add(check(n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Asks a node who the token is there and what the node is; never throws. */
    static RemoteStatus check(RemoteNode n) {
        try {
            NodeClient c = new HttpNodeClient(n.url(), n.token());
            Identity who = c.whoami();
            Optional<NodeInfo> info = c.nodes().stream().findFirst();
            return new RemoteStatus(n, true, info.map(NodeInfo::name).orElse(""), info.map(NodeInfo::version).orElse(""),
                    info.map(NodeInfo::site).orElse(""), who.role(), "");
        } catch (NodeClientException e) {
            return new RemoteStatus(n, false, "", "", "", "", e.getMessage());
        }
    }

    private void showLocal() {
        if (local.isEmpty()) {
            localRunning.set(false);
            localState.set(m.get("nodes.noLocal"));
            return;
        }
        LocalNodeControl l = local.get();
        localRunning.set(l.running());
        localState.set(l.running() ? m.get("nodes.running", l.apiUrl(), l.dnsAddress()) : m.get("nodes.stopped", l.apiUrl()));
        localLog.setAll(l.log());
    }

    public void stopLocal() {
        local.ifPresent(l -> session.tasks().run(() -> {
            l.stop();
            return true;
        }, ok -> showLocal(), this::failed));
    }

    public void startLocal() {
        local.ifPresent(l -> session.tasks().run(() -> {
            l.start();
            return true;
        }, ok -> {
            showLocal();
            error.set("");
            if (session.client() == home) {
                session.connect(home); // the same URL answers again: read the token's role afresh
            }
        }, e -> {
            showLocal();
            failed(e);
        }));
    }

    /** Adds the typed node once it answers with the typed token; else says why beside the URL or the token. */
    public void add() {
        String url = newUrl.get().strip().replaceAll("/+$", "");
        String token = newToken.get().strip();
        if (!urlError.get().isEmpty()) {
            return;
        }
        if (token.isEmpty()) {
            tokenError.set(m.get("nodes.hint.token"));
            return;
        }
        RemoteNode n = new RemoteNode(url, token);
        session.tasks().run(() -> {
            NodeClient c = new HttpNodeClient(url, token);
            c.whoami();
            RemoteStatus s = check(n);
            List<RemoteNode> saved = new ArrayList<>(store.load());
            saved.removeIf(x -> x.url().equals(url));
            saved.add(n);
            store.save(saved);
            return s;
        }, s -> {
            remotes.removeIf(x -> x.node().url().equals(url));
            remotes.add(s);
            newUrl.set("");
            newToken.set("");
            error.set("");
        }, e -> {
            if (e.unreachable()) {
                urlError.set(session.explain(e));
            } else if (e.status() == 401 || e.status() == 403) {
                tokenError.set(e.getMessage());
            } else {
                failed(e);
            }
        });
    }

    public void remove(RemoteStatus r) {
        session.tasks().run(() -> {
            List<RemoteNode> saved = new ArrayList<>(store.load());
            saved.removeIf(x -> x.url().equals(r.node().url()));
            store.save(saved);
            return true;
        }, ok -> remotes.remove(r), this::failed);
    }

    /** The whole console manages {@code r} from now on. */
    public void manage(RemoteStatus r) {
        session.connect(new HttpNodeClient(r.node().url(), r.node().token()));
    }

    /** Back to the console's own node. */
    public void manageLocal() {
        session.connect(home);
    }

    private void failed(NodeClientException e) {
        error.set(session.explain(e));
    }

    /** Stops following the session. */
    public void dispose() {
        subs.dispose();
        members.dispose();
    }
}
