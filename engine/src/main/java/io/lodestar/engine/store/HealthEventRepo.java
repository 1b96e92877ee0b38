package io.lodestar.engine.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The {@code health_events} table: every verdict change, append-only. Times are kept to the
 * millisecond. Write these with {@link Store.Durability#NORMAL}: they are frequent and re-derived
 * from probing.
 */
public final class HealthEventRepo {

    private static final String COLUMNS = "at, domain, endpoint, old_state, new_state, evidence";

    private final Tx tx;

    HealthEventRepo(Tx tx) {
        this.tx = tx;
    }

    /** @throws SQLException if the domain does not exist (foreign key) */
    public void append(HealthEvent e) throws SQLException {
        Sql.update(tx.connection(), "INSERT INTO health_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                e.at(), e.domain(), e.endpoint(), e.oldState().wire(), e.newState().wire(), e.evidence());
    }

    /** A domain's events with {@code from <= at < to}, oldest first. */
    public List<HealthEvent> range(String domain, Instant from, Instant to) throws SQLException {
        return Sql.list(tx.connection(), "SELECT " + COLUMNS + " FROM health_events WHERE domain = ? AND at >= ? AND at < ?"
                + " ORDER BY at, id", HealthEventRepo::map, domain, from, to);
    }

    /** A domain's latest {@code limit} events, newest first. */
    public List<HealthEvent> recent(String domain, int limit) throws SQLException {
        return Sql.list(tx.connection(), "SELECT " + COLUMNS + " FROM health_events WHERE domain = ?"
                + " ORDER BY at DESC, id DESC LIMIT ?", HealthEventRepo::map, domain, limit);
    }

    /** Retention: deletes events older than {@code cutoff}; returns how many. */
    public int deleteOlderThan(Instant cutoff) throws SQLException {
        return Sql.update(tx.connection(), "DELETE FROM health_events WHERE at < ?", cutoff);
    }

    private static HealthEvent map(ResultSet rs) throws SQLException {
        return new HealthEvent(Sql.instant(rs, "at"), rs.getString("domain"), rs.getString("endpoint"),
                state(rs.getString("old_state")), state(rs.getString("new_state")), rs.getString("evidence"));
    }

    private static HealthEvent.State state(String wire) {
        return HealthEvent.State.fromWire(wire).orElseThrow(() -> new StoreException("unknown health state " + wire));
    }
}
