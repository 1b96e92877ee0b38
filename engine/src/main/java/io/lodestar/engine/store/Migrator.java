package io.lodestar.engine.store;

import io.lodestar.engine.store.Migrations.Migration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/** Brings one connection's schema up to date; see {@link Database#open(Path, Migrations, Clock)}. */
final class Migrator {

    private final Connection c;
    private final Path file;
    private final Migrations migrations;
    private final Clock clock;

    Migrator(Connection c, Path file, Migrations migrations, Clock clock) {
        this.c = c;
        this.file = file;
        this.migrations = migrations;
        this.clock = clock;
    }

    /** Refuses, before anything is written, a file that is another program's or a newer Lodestar's. */
    void refuseIfNotOurs() throws SQLException {
        int current = currentVersion();
        if (current < 0) {
            throw new StoreException(file + " is not a Lodestar database: it has tables but no schema_version");
        }
        if (current > migrations.latest()) {
            throw new StoreException(file + " has schema version " + current
                    + ", newer than this Lodestar understands (" + migrations.latest()
                    + "); run the Lodestar release that wrote it, or restore a backup made by this one");
        }
    }

    /** Applies every missing migration in order, all in one transaction. */
    void migrate() throws SQLException {
        if (tracked() && currentVersion() == migrations.latest()) {
            return;
        }
        Database.exec(c, "BEGIN IMMEDIATE");
        Migration step = null;
        try {
            // Re-read under the write lock: another process may have migrated since we looked.
            refuseIfNotOurs();
            Database.exec(c, "CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL, description TEXT NOT NULL"
                    + ") STRICT");
            int current = currentVersion();
            for (Migration m : migrations.all()) {
                if (m.version() > current) {
                    step = m;
                    Database.exec(c, m.sql());
                    Sql.update(c, "INSERT INTO schema_version (version, applied_at, description) VALUES (?, ?, ?)",
                            m.version(), clock.instant(), m.description());
                }
            }
            Database.exec(c, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            try {
                Database.exec(c, "ROLLBACK");
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (step == null) {
                throw e;
            }
            throw new StoreException("migration V" + step.version() + " (" + step.description() + ") of " + file
                    + " failed, nothing was applied: " + e.getMessage(), e);
        }
    }

    /** The schema version, 0 for an empty file, -1 for a file with tables but no schema_version. */
    private int currentVersion() throws SQLException {
        if (!tracked()) {
            boolean empty = Sql.one(c, "SELECT 1 FROM sqlite_master LIMIT 1", rs -> true).isEmpty();
            return empty ? 0 : -1;
        }
        return Sql.one(c, "SELECT COALESCE(MAX(version), 0) FROM schema_version", rs -> rs.getInt(1)).orElse(0);
    }

    private boolean tracked() throws SQLException {
        return Sql.one(c, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
                rs -> true).isPresent();
    }
}
