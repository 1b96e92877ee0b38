package io.lodestar.app.contacts;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Subscriptions;
import io.lodestar.engine.api.client.ContactGroupInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The session's domain's notification settings: one line per contact group, a tick per event kind
 * it hears. Saving replaces the domain's settings with the ticked ones; the node's refusal names the
 * group and is shown as it says it.
 */
public final class NotificationsViewModel {

    private final Session session;
    private final Subscriptions subs = new Subscriptions();
    private final ObservableList<NotificationRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");

    public NotificationsViewModel(Session session) {
        this.session = session;
        subs.listen(session.domainProperty(), (o, a, d) -> load());
    }

    public ObservableList<NotificationRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Saved" after a save went through, else empty. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    private String domain() {
        return session.domain();
    }

    public void load() {
        String d = domain();
        NodeClient c = session.client();
        session.tasks().run(() -> {
            List<String> names = c.domains().stream().map(x -> x.domain()).toList();
            String shown = Session.shownDomain(names, d);
            return new Loaded(names, c.contactGroups(), shown.isEmpty() ? Map.of() : c.notifications(shown));
        }, l -> {
            session.domainsRead(l.domains());
            if (!d.equals(domain()) && !d.isEmpty()) {
                return; // the user chose another domain meanwhile; its own load follows
            }
            rows.setAll(l.groups().stream().map(g -> new NotificationRow(g.name(),
                    l.settings().getOrDefault(g.name(), List.of()))).toList());
            error.set("");
            state.set("");
        }, this::failed);
    }

    private record Loaded(List<String> domains, List<ContactGroupInfo> groups, Map<String, List<String>> settings) {
    }

    /** Replaces the domain's settings with what is ticked now (groups with nothing ticked hear nothing). */
    public void save() {
        String d = domain();
        Map<String, List<String>> body = new LinkedHashMap<>();
        for (NotificationRow r : rows) {
            if (!r.kinds().isEmpty()) {
                body.put(r.group(), r.kinds());
            }
        }
        NodeClient c = session.client();
        session.tasks().run(() -> {
            c.putNotifications(d, body);
            return true;
        }, ok -> {
            error.set("");
            state.set(session.messages().get("notifications.saved", d));
        }, this::failed);
    }

    private void failed(NodeClientException e) {
        state.set("");
        error.set(session.explain(e));
    }

    /** Stops following the session's domain. */
    public void dispose() {
        subs.dispose();
    }
}
