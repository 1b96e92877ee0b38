package io.lodestar.engine.store;

import io.lodestar.engine.testing.TestClock;
import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.EndpointType;
import io.lodestar.engine.model.EndpointValue;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.resources.region.Regions;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A real SQLite file in a test's temporary directory, opened with Lodestar's schema. */
final class StoreFixture implements AutoCloseable {

    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    final Path file;
    final TestClock clock;
    final Regions regions;
    final SeedJson seedJson;
    final Database db;
    final Store store;

    StoreFixture(Path dir) {
        this.file = dir.resolve("lodestar.db");
        this.clock = new TestClock(T0);
        this.regions = Regions.load();
        this.seedJson = new SeedJson(regions);
        this.db = Database.open(file, Migrations.builtIn(), clock);
        this.store = new Store(db, seedJson, clock);
    }

    @Override
    public void close() {
        db.close();
    }

    static Domain domain(String name) {
        return new Domain(name, true, DomainStatus.START, Domain.DEFAULT_TTL);
    }

    static Endpoint endpoint(String domain, String ip) {
        return new Endpoint(domain, EndpointValue.parse(EndpointType.A, ip).orElseThrow(), "beijing.CN", "ct",
                List.of(), Endpoint.DEFAULT_WEIGHT, true, true);
    }

    /**
     * Runs a change that answers yes or no. (A generic call cannot be passed straight to the
     * overloaded {@code assertTrue}: javac cannot choose between its boolean and supplier forms.)
     */
    boolean changed(Work<Boolean, RuntimeException> work) {
        return store.transaction(work);
    }

    /** Adds a domain with one endpoint. */
    void addDomain(String name, String ip) {
        store.transaction(tx -> {
            tx.domains().insert(domain(name));
            return tx.endpoints().insert(endpoint(name, ip));
        });
    }

    /** Every table's definition and rows, in a fixed order: equal dumps mean equal databases. */
    List<String> dump() {
        return store.read(tx -> {
            List<String> out = new ArrayList<>();
            try (Statement s = tx.connection().createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master ORDER BY type, name")) {
                    while (rs.next()) {
                        out.add("schema " + rs.getString(1) + ": " + rs.getString(2));
                        if (rs.getString(2) != null && rs.getString(2).startsWith("CREATE TABLE")) {
                            tables.add(rs.getString(1));
                        }
                    }
                }
                for (String t : tables) {
                    out.addAll(rows(s, t));
                }
            }
            return out;
        });
    }

    private static List<String> rows(Statement s, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder(table).append(':');
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    sb.append(' ').append(md.getColumnName(i)).append('=').append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
