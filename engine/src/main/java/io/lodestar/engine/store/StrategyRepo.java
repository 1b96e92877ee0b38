package io.lodestar.engine.store;

import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.validate.ValidationException;
import java.sql.SQLException;
import java.time.Instant;
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
     * Stores a domain's strategy, replacing any it had.
     *
     * @return the new version: 1 for the domain's first, else the previous version + 1
     * @throws SQLException if the domain does not exist (foreign key)
     */
    public long put(String domain, SeedJson.Document document) throws SQLException {
        String json = seedJson.write(document);
        Sql.update(tx.connection(), "INSERT INTO strategies (domain, json, version, updated_at) VALUES (?, ?, 1, ?)"
                        + " ON CONFLICT (domain) DO UPDATE SET json = excluded.json, version = version + 1,"
                        + " updated_at = excluded.updated_at",
                domain, json, tx.now());
        return Sql.one(tx.connection(), "SELECT version FROM strategies WHERE domain = ?", rs -> rs.getLong(1), domain)
                .orElseThrow();
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
