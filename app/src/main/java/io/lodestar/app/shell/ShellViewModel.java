package io.lodestar.app.shell;

import io.lodestar.app.ui.Messages;
import io.lodestar.engine.api.client.AlertInfo;
import io.lodestar.engine.api.client.DomainInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeInfo;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The shell: which screen is shown, and the status bar (connected node, its snapshot version, how
 * many endpoints fail, the latest alert), refreshed from the node off the UI thread.
 */
public final class ShellViewModel {

    /** What the status bar reads from the node in one refresh. */
    record Status(NodeInfo node, int failing, Optional<AlertInfo> alert) {
    }

    private final Session session;
    private final Messages m;
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.DOMAINS);
    private final ReadOnlyStringWrapper node = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper snapshot = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failing = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper alert = new ReadOnlyStringWrapper("");

    public ShellViewModel(Session session) {
        this.session = session;
        this.m = session.messages();
        node.set(m.get("status.connecting", session.client().baseUrl()));
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ReadOnlyStringProperty nodeProperty() {
        return node.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failingProperty() {
        return failing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty alertProperty() {
        return alert.getReadOnlyProperty();
    }

    /** Reads the status from the node; an unreachable node says so in the status bar. */
    public void refresh() {
        NodeClient c = session.client();
        session.tasks().run(() -> read(c), s -> {
            node.set(m.get("status.node", s.node().name(), c.baseUrl(), s.node().site()));
            snapshot.set(m.get("status.snapshot", s.node().snapshotVersion()));
            failing.set(m.get("status.failing", s.failing()));
            alert.set(s.alert().map(a -> m.get("status.alert", a.title(), a.time())).orElse(m.get("status.noAlert")));
        }, e -> node.set(m.get("status.offline", c.baseUrl(), session.explain(e))));
    }

    private static Status read(NodeClient c) {
        NodeInfo n = c.nodes().get(0);
        int failing = 0;
        List<DomainInfo> domains = c.domains();
        for (DomainInfo d : domains) {
            failing += (int) c.endpoints(d.domain()).stream().filter(e -> e.status().equals("fail")).count();
        }
        return new Status(n, failing, c.latestAlert());
    }
}
