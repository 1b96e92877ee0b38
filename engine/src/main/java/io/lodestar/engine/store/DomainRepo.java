package io.lodestar.engine.store;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code domains} table. Deleting a domain deletes everything that belongs to it. */
public final class DomainRepo {

    private static final String COLUMNS = "name, is_itm_domain, status, ttl";

    private final Tx tx;

    DomainRepo(Tx tx) {
        this.tx = tx;
    }

    /** Adds a domain stamped with the transaction's time; false if one of that name exists. */
    public boolean insert(Domain d) throws SQLException {
        return Sql.update(tx.connection(), "INSERT INTO domains (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (name) DO NOTHING", d.name(), d.itmDomain(), d.status().wire(), d.ttl(), tx.now()) == 1;
    }

    /** Replaces a domain's settings; false if there is no such domain. */
    public boolean update(Domain d) throws SQLException {
        return Sql.update(tx.connection(), "UPDATE domains SET is_itm_domain = ?, status = ?, ttl = ? WHERE name = ?",
                d.itmDomain(), d.status().wire(), d.ttl(), d.name()) == 1;
    }

    /** Deletes a domain with its endpoints, monitor, strategy, notifications, health events and history. */
    public boolean delete(String name) throws SQLException {
        return Sql.update(tx.connection(), "DELETE FROM domains WHERE name = ?", name) == 1;
    }

    public Optional<Domain> get(String name) throws SQLException {
        return Sql.one(tx.connection(), "SELECT " + COLUMNS + " FROM domains WHERE name = ?", DomainRepo::map, name);
    }

    /** All domains by name. */
    public List<Domain> list() throws SQLException {
        return Sql.list(tx.connection(), "SELECT " + COLUMNS + " FROM domains ORDER BY name", DomainRepo::map);
    }

    public Optional<Instant> createdAt(String name) throws SQLException {
        return Sql.one(tx.connection(), "SELECT created_at FROM domains WHERE name = ?",
                rs -> Sql.instant(rs, "created_at"), name);
    }

    private static Domain map(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        return new Domain(rs.getString("name"), Sql.bool(rs, "is_itm_domain"),
                DomainStatus.fromWire(status).orElseThrow(() -> new StoreException("unknown domain status " + status)),
                rs.getInt("ttl"));
    }
}
