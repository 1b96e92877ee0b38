package io.lodestar.engine.store;

import io.lodestar.engine.testing.TestClock;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    private static final String TEST_MIGRATIONS = "io/lodestar/engine/store/testmigrations/";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(StoreFixture.T0);

    private Migrations testMigrations(String set) {
        return Migrations.fromClasspath(getClass().getClassLoader(), TEST_MIGRATIONS + set);
    }

    private static List<String> query(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    @Test
    void newDatabaseGetsEveryBuiltInMigrationRecordedInOrder() {
        try (Database db = Database.open(dir.resolve("a.db"), Migrations.builtIn(), clock)) {
            assertEquals(4, db.schemaVersion());
            assertEquals(List.of(new Database.AppliedMigration(1, StoreFixture.T0, "init"),
                    new Database.AppliedMigration(2, StoreFixture.T0, "strategy versions"),
                    new Database.AppliedMigration(3, StoreFixture.T0, "traffic"),
                    new Database.AppliedMigration(4, StoreFixture.T0, "ramp and drill alerts")), db.appliedMigrations());
        }
    }

    @Test
    void subscriptionsMadeBeforeV004SurviveItAndGroupsThatHeardPublishingKeepHearingRampsAndDrills() throws Exception {
        Path file = dir.resolve("v3.db");
        Database.open(file, Migrations.builtIn().upTo(3), clock).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO domains VALUES ('www.example.com', 1, 'start', 60, 0)");
            s.executeUpdate("INSERT INTO contact_groups VALUES ('ops'), ('night')");
            s.executeUpdate("INSERT INTO notifications VALUES ('www.example.com', 'ops', 'endpoint_down'),"
                    + " ('www.example.com', 'ops', 'published'), ('www.example.com', 'night', 'all_down')");
            assertThrows(java.sql.SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO notifications VALUES ('www.example.com', 'ops', 'ramp')"), "V003 knows no ramp event");
        }
        try (Database db = Database.open(file, Migrations.builtIn(), clock)) {
            assertEquals(4, db.schemaVersion());
        }
        assertEquals(List.of("night all_down", "ops drill", "ops endpoint_down", "ops published", "ops ramp"), query(file,
                "SELECT group_name || ' ' || event FROM notifications ORDER BY 1"),
                "ramps and drills went out as 'published' before: who heard that hears them now");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO notifications VALUES ('www.example.com', 'night', 'ramp'), ('www.example.com', 'night', 'drill')");
            assertThrows(java.sql.SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO notifications VALUES ('www.example.com', 'ops', 'nonsense')"), "the CHECK is still there");
            s.execute("PRAGMA foreign_keys = ON");
            s.executeUpdate("DELETE FROM contact_groups WHERE name = 'night'");
        }
        assertEquals(List.of("ops drill", "ops endpoint_down", "ops published", "ops ramp"), query(file,
                "SELECT group_name || ' ' || event FROM notifications ORDER BY 1"), "the foreign keys still cascade");
        assertEquals(List.of("notifications_group"), query(file,
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'notifications' AND name NOT LIKE 'sqlite_%'"));
    }

    @Test
    void walModeIsOnAndConnectionSettingsAreApplied() {
        try (StoreFixture f = new StoreFixture(dir)) {
            List<String> pragmas = f.store.read(tx -> List.of(
                    pragma(tx, "journal_mode"), pragma(tx, "foreign_keys"), pragma(tx, "busy_timeout")));
            assertEquals(List.of("wal", "1", String.valueOf(Database.BUSY_TIMEOUT_MS)), pragmas);
            f.addDomain("www.example.com", "192.0.2.1");
            assertTrue(Files.exists(dir.resolve("lodestar.db-wal")), "commits go to the write-ahead log");
        }
    }

    static String pragma(Tx tx, String name) throws java.sql.SQLException {
        return Sql.one(tx.connection(), "PRAGMA " + name, rs -> rs.getString(1)).orElseThrow();
    }

    @Test
    void foreignKeysAreEnforced() {
        try (StoreFixture f = new StoreFixture(dir)) {
            StoreException e = assertThrows(StoreException.class, () -> f.store.transaction(
                    tx -> tx.endpoints().insert(StoreFixture.endpoint("no.such.domain", "192.0.2.1"))));
            assertTrue(e.getMessage().contains("FOREIGN KEY"), e.getMessage());
        }
    }

    @Test
    void migrationsApplyOnceAndInOrder() throws Exception {
        Path file = dir.resolve("m.db");
        Database.open(file, testMigrations("three"), clock).close();
        Database.open(file, testMigrations("three"), clock).close();

        assertEquals(List.of("1", "2", "3"), query(file, "SELECT n FROM steps ORDER BY rowid"));
        assertEquals(List.of("1 create steps", "2 add b", "3 add c"),
                query(file, "SELECT version || ' ' || description FROM schema_version ORDER BY version"));
    }

    @Test
    void reopeningAppliesOnlyTheMissingMigrations() throws Exception {
        Path file = dir.resolve("m.db");
        try (Database db = Database.open(file, testMigrations("two"), clock)) {
            assertEquals(2, db.schemaVersion());
        }
        clock.advance(Duration.ofDays(1));
        try (Database db = Database.open(file, testMigrations("three"), clock)) {
            assertEquals(3, db.schemaVersion());
            List<Database.AppliedMigration> applied = db.appliedMigrations();
            assertEquals(StoreFixture.T0, applied.get(1).appliedAt());
            assertEquals(StoreFixture.T0.plus(Duration.ofDays(1)), applied.get(2).appliedAt());
        }
        assertEquals(List.of("1", "2", "3"), query(file, "SELECT n FROM steps ORDER BY rowid"));
    }

    @Test
    void refusesDatabaseFromNewerVersion() throws Exception {
        Path file = dir.resolve("m.db");
        Database.open(file, testMigrations("three"), clock).close();
        byte[] before = Files.readAllBytes(file);

        StoreException e = assertThrows(StoreException.class, () -> Database.open(file, testMigrations("two"), clock));

        assertTrue(e.getMessage().contains("schema version 3, newer than this Lodestar understands (2)"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the refused file is left untouched");
    }

    @Test
    void failedMigrationAppliesNothing() throws Exception {
        Path file = dir.resolve("m.db");
        Database.open(file, testMigrations("two"), clock).close();

        StoreException e = assertThrows(StoreException.class, () -> Database.open(file, testMigrations("broken"), clock));

        assertTrue(e.getMessage().contains("migration V3 (fails half way)"), e.getMessage());
        assertEquals(List.of("1", "2"), query(file, "SELECT n FROM steps ORDER BY rowid"));
        assertEquals(List.of(), query(file, "SELECT name FROM sqlite_master WHERE name = 'c'"));
        assertEquals(List.of("2"), query(file, "SELECT max(version) FROM schema_version"));
    }

    @Test
    void migrationsMustBeNumberedWithoutGaps() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> testMigrations("gap"));
        assertTrue(e.getMessage().contains("V003__add_c.sql should be version 2"), e.getMessage());
    }

    @Test
    void refusesSqliteFileThatIsNotALodestarDatabase() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE someone_elses (x)");
        }
        StoreException e = assertThrows(StoreException.class, () -> Database.open(file, Migrations.builtIn(), clock));
        assertTrue(e.getMessage().contains("not a Lodestar database"), e.getMessage());
    }

    @Test
    void everyBuiltInMigrationFileIsListedInTheIndex() throws URISyntaxException, java.io.IOException {
        Path migrations = Path.of(getClass().getClassLoader().getResource(Migrations.BUILT_IN).toURI());
        List<String> files;
        try (Stream<Path> s = Files.list(migrations)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted()
                    .collect(Collectors.toList());
        }
        List<String> listed = Migrations.builtIn().all().stream()
                .map(m -> String.format("V%03d__%s.sql", m.version(), m.description().replace(' ', '_')))
                .collect(Collectors.toList());
        assertEquals(files, listed);
    }
}
