package io.lodestar.app.nodes;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Subscriptions;
import io.lodestar.engine.api.client.NodeClientException;
import io.lodestar.engine.api.client.NodeInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Cluster members of the node the console manages ({@code GET /v1/nodes}: that node first, then
 * each member with its site, snapshot version, lag, last contact, status, its own failing
 * endpoints, query rate and the reason of a failed push); adding a member by URL and the token it
 * issued, retrying a push, removing a member once confirmed.
 */
public final class MembersViewModel {

    private static final DateTimeFormatter CONTACT = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT);

    private final Session session;
    private final Messages m;
    private final Subscriptions subs = new Subscriptions();
    private final ObservableList<NodeInfo> members = FXCollections.observableArrayList();
    private final StringProperty newUrl = new SimpleStringProperty("");
    private final StringProperty newToken = new SimpleStringProperty("");
    private final StringProperty urlError = new SimpleStringProperty("");
    private final StringProperty tokenError = new SimpleStringProperty("");
    private final ObjectProperty<NodeInfo> pendingRemove = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean refreshing;
    private final ZoneId zone;

    /** {@code zone}: the time zone last contacts are shown in. */
    public MembersViewModel(Session session, ZoneId zone) {
        this.session = session;
        this.zone = zone;
        this.m = session.messages();
        newUrl.addListener((o, a, v) -> urlError.set(NodesViewModel.apiUrl(v) ? "" : m.get("nodes.hint.url")));
        newToken.addListener((o, a, v) -> tokenError.set(""));
        subs.listen(session.clientProperty(), (o, a, c) -> {
            members.clear();
            pendingRemove.set(null);
            refresh();
        });
    }

    /** This node first, then its members, as last read. */
    public ObservableList<NodeInfo> members() {
        return members;
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

    /** The member a Remove waits to be confirmed for, or null. */
    public ObjectProperty<NodeInfo> pendingRemoveProperty() {
        return pendingRemove;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Reads the managed node's list again (skipped while the last read has not come back). */
    public void refresh() {
        if (refreshing || subs.disposed()) {
            return;
        }
        refreshing = true;
        session.tasks().run(() -> session.client().nodes(), (List<NodeInfo> list) -> {
            refreshing = false;
            members.setAll(list);
            error.set("");
        }, e -> {
            refreshing = false;
            error.set(session.explain(e));
        });
    }

    /** True for a member (not the managed node itself). */
    public static boolean member(NodeInfo n) {
        return "member".equals(n.role());
    }

    /** A push may be retried on a member whose last push failed or that is behind. */
    public static boolean retryable(NodeInfo n) {
        return member(n) && (!n.error().isEmpty() || n.lag() > 0);
    }

    /** The status as a colour class: {@code ok}, {@code degraded} (degraded, lagging), {@code fail} (failed, unreachable). */
    public static String health(NodeInfo n) {
        switch (n.status()) {
            case "ok":
                return "ok";
            case "degraded":
            case "lagging":
                return "degraded";
            default:
                return "fail";
        }
    }

    /** The status in the console's language. */
    public String status(NodeInfo n) {
        switch (n.status()) {
            case "ok":
                return m.get("members.status.ok");
            case "degraded":
                return m.get("members.status.degraded");
            case "lagging":
                return m.get("members.status.lagging");
            case "failed":
                return m.get("members.status.failed");
            case "unreachable":
                return m.get("members.status.unreachable");
            default:
                return n.status();
        }
    }

    /** The last contact in the console's time zone ({@code MM-dd HH:mm:ss}), or "" if never. */
    public String lastContact(NodeInfo n) {
        try {
            return n.lastContact().isEmpty() ? "" : CONTACT.format(Instant.parse(n.lastContact()).atZone(zone));
        } catch (DateTimeParseException e) {
            return n.lastContact();
        }
    }

    /** Queries per second, one decimal. */
    public static String qps(NodeInfo n) {
        return String.format(Locale.ROOT, "%.1f", n.queriesPerSecond());
    }

    /** Makes the typed node a member once the managed node has reached it; else says why beside the URL or the token. */
    public void add() {
        String url = newUrl.get().strip().replaceAll("/+$", "");
        String token = newToken.get().strip();
        if (!urlError.get().isEmpty()) {
            return;
        }
        if (url.isEmpty()) {
            urlError.set(m.get("nodes.hint.url"));
            return;
        }
        if (token.isEmpty()) {
            tokenError.set(m.get("members.hint.token"));
            return;
        }
        session.tasks().run(() -> session.client().addNode(url, token), added -> {
            newUrl.set("");
            newToken.set("");
            error.set("");
            refresh();
        }, this::refused);
    }

    /** The managed node's refusal beside the field it names; a member that refused the token beside the token. */
    private void refused(NodeClientException e) {
        String field = e.fieldName().orElse("");
        if (field.equals("url")) {
            urlError.set(e.getMessage().substring(e.field().orElse("").length() + 2));
        } else if (field.equals("token") || (e.code().equals("NodeRefused") && e.status() == 400)) {
            tokenError.set(e.getMessage());
        } else if (e.code().equals("NodeRefused") || e.code().equals("NodeUnreachable")) {
            urlError.set(e.getMessage());
        } else {
            error.set(session.explain(e));
        }
    }

    /** Pushes the current snapshot to {@code n} again. */
    public void retry(NodeInfo n) {
        session.tasks().run(() -> {
            session.client().retryPush(n.id());
            return true;
        }, ok -> refresh(), e -> error.set(session.explain(e)));
    }

    /** Asks to remove {@code n}; nothing happens until {@link #confirmRemove()}. */
    public void askRemove(NodeInfo n) {
        pendingRemove.set(n != null && member(n) ? n : null);
    }

    public void cancelRemove() {
        pendingRemove.set(null);
    }

    /** Removes the member asked for: it stops taking pushes and keeps its last configuration. */
    public void confirmRemove() {
        NodeInfo n = pendingRemove.get();
        if (n == null) {
            return;
        }
        pendingRemove.set(null);
        session.tasks().run(() -> {
            session.client().removeNode(n.id());
            return true;
        }, ok -> refresh(), e -> error.set(session.explain(e)));
    }

    /** Stops following the session and polling. */
    public void dispose() {
        subs.dispose();
    }
}
