package io.lodestar.engine.store;

import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The {@code notifications} table: per domain, which contact group hears which {@link EventKind}s. */
public final class NotificationRepo {

    private final Tx tx;

    NotificationRepo(Tx tx) {
        this.tx = tx;
    }

    /**
     * Replaces a domain's settings: each group hears exactly the kinds given for it; groups not in
     * the map (or mapped to no kinds) hear nothing.
     *
     * @throws SQLException if the domain or a group does not exist (foreign key)
     */
    public void replace(String domain, Map<String, Set<EventKind>> kindsByGroup) throws SQLException {
        Sql.update(tx.connection(), "DELETE FROM notifications WHERE domain = ?", domain);
        for (Map.Entry<String, Set<EventKind>> e : kindsByGroup.entrySet()) {
            for (EventKind k : e.getValue()) {
                Sql.update(tx.connection(), "INSERT INTO notifications (domain, group_name, event) VALUES (?, ?, ?)",
                        domain, e.getKey(), k.wire());
            }
        }
    }

    /** A domain's settings, by group name; groups that hear nothing are absent. */
    public Map<String, Set<EventKind>> forDomain(String domain) throws SQLException {
        Map<String, Set<EventKind>> out = new TreeMap<>();
        for (String[] row : Sql.list(tx.connection(), "SELECT group_name, event FROM notifications WHERE domain = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, domain)) {
            out.computeIfAbsent(row[0], g -> EnumSet.noneOf(EventKind.class)).add(kind(row[1]));
        }
        out.replaceAll((g, kinds) -> Collections.unmodifiableSet(kinds));
        return Collections.unmodifiableMap(out);
    }

    /** The groups to notify of one kind of event about a domain, by name. */
    public List<String> groupsHearing(String domain, EventKind kind) throws SQLException {
        return Sql.list(tx.connection(), "SELECT group_name FROM notifications WHERE domain = ? AND event = ?"
                + " ORDER BY group_name", rs -> rs.getString(1), domain, kind.wire());
    }

    private static EventKind kind(String wire) {
        return EventKind.fromWire(wire).orElseThrow(() -> new StoreException("unknown event kind " + wire));
    }
}
