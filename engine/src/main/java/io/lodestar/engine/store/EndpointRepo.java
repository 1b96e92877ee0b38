package io.lodestar.engine.store;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.EndpointType;
import io.lodestar.engine.model.EndpointValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code endpoints} table: an endpoint is identified by its domain and value text, kept in the
 * order added. Tags are stored {@code ;}-joined, the seed's way.
 */
public final class EndpointRepo {

    private static final String COLUMNS = "domain, value, type, area, isp, tags, weight, enable, eval_health";

    private final Tx tx;

    EndpointRepo(Tx tx) {
        this.tx = tx;
    }

    /**
     * Adds an endpoint; false if the domain already has one with that value.
     *
     * @throws IllegalArgumentException if a tag is empty or contains {@code ;}
     * @throws SQLException             if the domain does not exist (foreign key)
     */
    public boolean insert(Endpoint e) throws SQLException {
        return Sql.update(tx.connection(), "INSERT INTO endpoints (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (domain, value) DO NOTHING",
                e.domain(), e.key(), e.type().name(), e.area(), e.isp(), tags(e), e.weight(), e.enable(),
                e.evalHealth()) == 1;
    }

    /** Replaces the endpoint with the same domain and value; false if there is none. */
    public boolean update(Endpoint e) throws SQLException {
        return Sql.update(tx.connection(), "UPDATE endpoints SET type = ?, area = ?, isp = ?, tags = ?, weight = ?,"
                        + " enable = ?, eval_health = ? WHERE domain = ? AND value = ?",
                e.type().name(), e.area(), e.isp(), tags(e), e.weight(), e.enable(), e.evalHealth(),
                e.domain(), e.key()) == 1;
    }

    public boolean delete(String domain, String value) throws SQLException {
        return Sql.update(tx.connection(), "DELETE FROM endpoints WHERE domain = ? AND value = ?", domain, value) == 1;
    }

    public Optional<Endpoint> get(String domain, String value) throws SQLException {
        return Sql.one(tx.connection(), "SELECT " + COLUMNS + " FROM endpoints WHERE domain = ? AND value = ?",
                EndpointRepo::map, domain, value);
    }

    /** A domain's endpoints in the order they were added. */
    public List<Endpoint> list(String domain) throws SQLException {
        return Sql.list(tx.connection(), "SELECT " + COLUMNS + " FROM endpoints WHERE domain = ? ORDER BY id",
                EndpointRepo::map, domain);
    }

    /** The endpoints of every domain that has a monitor, by domain, each domain's in the order they were added. */
    public Map<String, List<Endpoint>> listMonitored() throws SQLException {
        Map<String, List<Endpoint>> out = new LinkedHashMap<>();
        for (Endpoint e : Sql.list(tx.connection(), "SELECT " + COLUMNS + " FROM endpoints"
                + " WHERE domain IN (SELECT domain FROM monitors) ORDER BY domain, id", EndpointRepo::map)) {
            out.computeIfAbsent(e.domain(), d -> new ArrayList<>()).add(e);
        }
        return out;
    }

    private static String tags(Endpoint e) {
        return Sql.join(e.tags(), ";", "an endpoint tag");
    }

    private static Endpoint map(ResultSet rs) throws SQLException {
        EndpointType type = EndpointType.valueOf(rs.getString("type"));
        String text = rs.getString("value");
        EndpointValue value = EndpointValue.parse(type, text)
                .orElseThrow(() -> new StoreException("stored endpoint value '" + text + "' is not a valid " + type));
        return new Endpoint(rs.getString("domain"), value, rs.getString("area"), rs.getString("isp"),
                Sql.split(rs.getString("tags"), ";"), rs.getInt("weight"), Sql.bool(rs, "enable"),
                Sql.bool(rs, "eval_health"));
    }
}
