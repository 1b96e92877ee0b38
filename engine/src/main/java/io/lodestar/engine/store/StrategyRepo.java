package io.lodestar.engine.store;

import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.validate.ValidationException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code strategies} table: one strategy document per domain, kept as the seed's JSON text
 * ({@link SeedJson#write}) so that what was stored is exactly what an export shows, with a version
 * counter and the time of the last change.
 */
public final class StrategyRepo {

    private final Tx tx;
    private final SeedJson seedJson;

    StrategyRepo(Tx tx, SeedJson seedJson) {
        this.tx = tx;
        this.seedJson = seedJson;
    }

    /**
     * Stores a domain's strategy, replacing any it had, and keeps it as a version.
     *
     * @return the new version: 1 for the domain's first, else one more than any version it had
     * @throws SQLException if the domain does not exist (foreign key)
     */
    public long put(String domain, SeedJson.Document document) throws SQLException {
        return put(domain, document, "", "");
    }

    /** As {@link #put(String, SeedJson.Document)}, recording who published it and a note (e.g. "rollback to 3"). */
    public long put(String domain, SeedJson.Document document, String actor, String note) throws SQLException {
        String json = seedJson.write(document);
        long version = 1 + Sql.one(tx.connection(), "SELECT max(coalesce((SELECT version FROM strategies WHERE domain = ?), 0),"
                        + " coalesce((SELECT max(version) FROM strategy_versions WHERE domain = ?), 0))",
                rs -> rs.getLong(1), domain, domain).orElse(0L);
        Sql.update(tx.connection(), "INSERT INTO strategies (domain, json, version, updated_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (domain) DO UPDATE SET json = excluded.json, version = excluded.version,"
                        + " updated_at = excluded.updated_at",
                domain, json, version, tx.now());
        Sql.update(tx.connection(), "INSERT INTO strategy_versions (domain, version, json, published_at, actor, note)"
                + " VALUES (?, ?, ?, ?, ?, ?)", domain, version, json, tx.now(), actor, note);
        return version;
    }

    /** A kept version of a domain's strategy (without its text). */
    public record Version(long version, Instant publishedAt, String actor, String note) {
    }

    /** The domain's kept versions, newest first. */
    public List<Version> versions(String domain) throws SQLException {
        return Sql.list(tx.connection(), "SELECT version, published_at, actor, note FROM strategy_versions WHERE domain = ?"
                        + " ORDER BY version DESC",
                rs -> new Version(rs.getLong("version"), Sql.instant(rs, "published_at"), rs.getString("actor"),
                        rs.getString("note")), domain);
    }

    /** A kept version's JSON text as it was stored. */
    public Optional<String> versionJson(String domain, long version) throws SQLException {
        return Sql.one(tx.connection(), "SELECT json FROM strategy_versions WHERE domain = ? AND version = ?",
                rs -> rs.getString(1), domain, version);
    }

    /**
     * A domain's strategy, parsed back into the model.
     *
     * @throws StoreException if the stored text no longer reads as a valid document (e.g. it names an
     *                        area the region catalogue has dropped)
     */
    public Optional<StoredStrategy> get(String domain) throws SQLException {
        Optional<Row> row = Sql.one(tx.connection(), "SELECT json, version, updated_at FROM strategies WHERE domain = ?",
                rs -> new Row(rs.getString("json"), rs.getLong("version"), Sql.instant(rs, "updated_at")), domain);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        try {
            return Optional.of(new StoredStrategy(domain, seedJson.read(r.json, domain), r.version, r.updatedAt));
        } catch (ValidationException e) {
            throw new StoreException("stored strategy of " + domain + " (version " + r.version + ") is no longer valid: "
                    + e.getMessage(), e);
        }
    }

    /** A domain's strategy as the stored JSON text. */
    public Optional<String> json(String domain) throws SQLException {
        return Sql.one(tx.connection(), "SELECT json FROM strategies WHERE domain = ?", rs -> rs.getString(1), domain);
    }

    public boolean delete(String domain) throws SQLException {
        return Sql.update(tx.connection(), "DELETE FROM strategies WHERE domain = ?", domain) == 1;
    }

    private record Row(String json, long version, Instant updatedAt) {
    }
}
