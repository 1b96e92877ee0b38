package io.lodestar.engine.store;

import io.lodestar.engine.model.Monitor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code monitors} table: at most one monitor per domain. Expected codes are stored comma-joined. */
public final class MonitorRepo {

    private static final String COLUMNS = "protocol, port, path, host, expect_codes, timeout_s, interval_s,"
            + " threshold_pct, window_size, min_failures, method, body_contains, verify_tls";

    private final Tx tx;

    MonitorRepo(Tx tx) {
        this.tx = tx;
    }

    /**
     * Sets a domain's monitor, replacing any it had.
     *
     * @throws IllegalArgumentException if an expected code is empty or contains a comma
     * @throws SQLException             if the domain does not exist (foreign key)
     */
    public void put(String domain, Monitor m) throws SQLException {
        Sql.update(tx.connection(), "INSERT INTO monitors (domain, " + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (domain) DO UPDATE SET protocol = excluded.protocol, port = excluded.port,"
                        + " path = excluded.path, host = excluded.host, expect_codes = excluded.expect_codes,"
                        + " timeout_s = excluded.timeout_s, interval_s = excluded.interval_s,"
                        + " threshold_pct = excluded.threshold_pct, window_size = excluded.window_size,"
                        + " min_failures = excluded.min_failures, method = excluded.method,"
                        + " body_contains = excluded.body_contains, verify_tls = excluded.verify_tls",
                domain, m.protocol().wire(), m.port(), m.path(), m.host(),
                Sql.join(m.expectCodes(), ",", "an expected code"), m.timeout(), m.interval(), m.threshold(),
                m.window(), m.minFailures(), m.method(), m.bodyContains(), m.verifyTls());
    }

    public Optional<Monitor> get(String domain) throws SQLException {
        return Sql.one(tx.connection(), "SELECT " + COLUMNS + " FROM monitors WHERE domain = ?", MonitorRepo::map, domain);
    }

    /** Every domain's monitor, by domain name, in one statement (the health monitor's retargeting reads them all). */
    public Map<String, Monitor> all() throws SQLException {
        Map<String, Monitor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Monitor> e : Sql.list(tx.connection(),
                "SELECT domain, " + COLUMNS + " FROM monitors ORDER BY domain",
                rs -> Map.entry(rs.getString("domain"), map(rs)))) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    public boolean delete(String domain) throws SQLException {
        return Sql.update(tx.connection(), "DELETE FROM monitors WHERE domain = ?", domain) == 1;
    }

    private static Monitor map(ResultSet rs) throws SQLException {
        String protocol = rs.getString("protocol");
        return new Monitor(Monitor.Protocol.fromWire(protocol)
                .orElseThrow(() -> new StoreException("unknown monitor protocol " + protocol)),
                rs.getInt("port"), rs.getString("path"), Sql.optText(rs, "host"),
                Sql.split(rs.getString("expect_codes"), ","), rs.getInt("timeout_s"), rs.getInt("interval_s"),
                rs.getInt("threshold_pct"), rs.getInt("window_size"), rs.getInt("min_failures"),
                rs.getString("method"), Sql.optText(rs, "body_contains"), Sql.bool(rs, "verify_tls"));
    }
}
