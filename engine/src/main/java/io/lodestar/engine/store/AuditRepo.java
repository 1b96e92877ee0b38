package io.lodestar.engine.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code audit_log} table, append-only. Entries outlive what they describe: deleting a domain
 * keeps its audit trail. Written in the same transaction as the change it records, so a change and
 * its audit entry are committed, or rolled back, together.
 */
public final class AuditRepo {

    private final Tx tx;

    AuditRepo(Tx tx) {
        this.tx = tx;
    }

    /**
     * Appends an entry stamped with the transaction's time.
     *
     * @param before the target's JSON before the change, empty for a creation
     * @param after  the target's JSON after it, empty for a deletion
     * @throws SQLException if {@code before} or {@code after} is not valid JSON
     */
    public AuditEntry append(String actor, String action, String target, Optional<String> before,
                             Optional<String> after) throws SQLException {
        AuditEntry e = new AuditEntry(0, tx.now(), actor, action, target, before, after);
        long id = Sql.insert(tx.connection(), "INSERT INTO audit_log (at, actor, action, target, before_json, after_json)"
                + " VALUES (?, ?, ?, ?, ?, ?)", e.at(), actor, action, target, before, after);
        return new AuditEntry(id, e.at(), actor, action, target, before, after);
    }

    /** One page of the matching entries, newest first. */
    public List<AuditEntry> list(AuditQuery q) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        args.add(q.limit());
        args.add(q.offset());
        return Sql.list(tx.connection(), "SELECT id, at, actor, action, target, before_json, after_json FROM audit_log"
                + where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?", AuditRepo::map, args.toArray());
    }

    /** How many entries match, ignoring the page: for "page 3 of 12". */
    public long count(AuditQuery q) throws SQLException {
        List<Object> args = new ArrayList<>();
        return Sql.one(tx.connection(), "SELECT count(*) FROM audit_log" + where(q, args), rs -> rs.getLong(1),
                args.toArray()).orElse(0L);
    }

    private static String where(AuditQuery q, List<Object> args) {
        List<String> terms = new ArrayList<>();
        q.target().ifPresent(t -> {
            terms.add("target = ?");
            args.add(t);
        });
        q.domain().ifPresent(d -> {
            terms.add("(target = ? OR substr(target, 1, ?) = ?)");
            args.add(d);
            args.add(d.length() + 1);
            args.add(d + "/");
        });
        q.actor().ifPresent(a -> {
            terms.add("actor = ?");
            args.add(a);
        });
        q.action().ifPresent(a -> {
            terms.add("(action = ? OR substr(action, 1, ?) = ?)");
            args.add(a);
            args.add(a.length() + 1);
            args.add(a + ".");
        });
        q.from().ifPresent(f -> {
            terms.add("at >= ?");
            args.add(f);
        });
        q.to().ifPresent(t -> {
            terms.add("at < ?");
            args.add(t);
        });
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), Sql.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                rs.getString("target"), Sql.optText(rs, "before_json"), Sql.optText(rs, "after_json"));
    }
}
