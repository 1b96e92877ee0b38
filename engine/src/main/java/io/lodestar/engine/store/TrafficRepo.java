package io.lodestar.engine.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code traffic_docs} table: per domain, one JSON document per kind of traffic operation
 * ({@code policy}, {@code providers}, {@code ramp}, {@code switch}, {@code drill}), with who wrote
 * it last and when. The engine's {@code traffic} package gives the documents their meaning.
 */
public final class TrafficRepo {

    /** A stored document. */
    public record Doc(String domain, String kind, String json, Instant updatedAt, String updatedBy) {
    }

    private final Tx tx;

    TrafficRepo(Tx tx) {
        this.tx = tx;
    }

    /** Stores (replaces) a document. @throws SQLException if the domain does not exist or the text is not JSON */
    public void put(String domain, String kind, String json, String by) throws SQLException {
        Sql.update(tx.connection(), "INSERT INTO traffic_docs (domain, kind, json, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (domain, kind) DO UPDATE SET json = excluded.json,"
                + " updated_at = excluded.updated_at, updated_by = excluded.updated_by", domain, kind, json, tx.now(), by);
    }

    public Optional<Doc> get(String domain, String kind) throws SQLException {
        return Sql.one(tx.connection(), "SELECT json, updated_at, updated_by FROM traffic_docs WHERE domain = ? AND kind = ?",
                rs -> new Doc(domain, kind, rs.getString("json"), Sql.instant(rs, "updated_at"), rs.getString("updated_by")),
                domain, kind);
    }

    /** @return true if there was one */
    public boolean delete(String domain, String kind) throws SQLException {
        return Sql.update(tx.connection(), "DELETE FROM traffic_docs WHERE domain = ? AND kind = ?", domain, kind) > 0;
    }

    /** Domains that have a document of this kind. */
    public java.util.List<String> domainsWith(String kind) throws SQLException {
        return Sql.list(tx.connection(), "SELECT domain FROM traffic_docs WHERE kind = ? ORDER BY domain",
                rs -> rs.getString(1), kind);
    }
}
