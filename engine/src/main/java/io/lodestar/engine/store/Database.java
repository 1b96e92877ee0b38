package io.lodestar.engine.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite file and the one connection that uses it. SQLite allows a single writer at a time, so
 * all access — reads included — goes through this connection under one lock; {@link Store} takes
 * the lock for each transaction. Opening configures the connection and brings the schema up to
 * date with {@link Migrations}, all pending steps in one transaction; a file whose schema is newer
 * than the code is refused untouched.
 *
 * <p>Settings: {@code journal_mode=WAL} (readers of other processes, e.g. a backup, never block the
 * writer, and a commit is one append), {@code foreign_keys=ON} (SQLite's default is off, per
 * connection), {@code busy_timeout} {@value #BUSY_TIMEOUT_MS} ms (wait, rather than fail, while
 * another process holds the file), and {@code synchronous=NORMAL} as the connection's default,
 * which {@link Store} raises to {@code FULL} for changes an operator is told have been saved.
 */
public final class Database implements AutoCloseable {

    public static final int BUSY_TIMEOUT_MS = 5_000;

    /** A row of {@code schema_version}. */
    public record AppliedMigration(int version, Instant appliedAt, String description) {
        public AppliedMigration {
            Objects.requireNonNull(appliedAt, "appliedAt");
            Objects.requireNonNull(description, "description");
        }
    }

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if absent) a database with Lodestar's own schema. */
    public static Database open(Path file) {
        return open(file, Migrations.builtIn(), Clock.systemUTC());
    }

    /**
     * Opens (creating if absent) a database and applies the migrations it lacks.
     *
     * @throws StoreException if the file cannot be opened, is not a Lodestar database, has a schema
     *                        newer than {@code migrations}, or a migration fails (nothing applied)
     */
    public static Database open(Path file, Migrations migrations, Clock clock) {
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
        }
        try {
            exec(c, "PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            exec(c, "PRAGMA foreign_keys = ON");
            new Migrator(c, file, migrations, clock).refuseIfNotOurs();
            String mode = Sql.one(c, "PRAGMA journal_mode = WAL", rs -> rs.getString(1)).orElse("");
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new StoreException("cannot use write-ahead logging for " + file + " (journal_mode is " + mode + ")");
            }
            exec(c, "PRAGMA synchronous = NORMAL");
            new Migrator(c, file, migrations, clock).migrate();
            return new Database(file, c);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof StoreException) {
                throw (StoreException) e;
            }
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    public Path file() {
        return file;
    }

    /** The newest migration applied to this file. */
    public int schemaVersion() {
        return appliedMigrations().stream().mapToInt(AppliedMigration::version).max().orElse(0);
    }

    /** The rows of {@code schema_version}, oldest first. */
    public List<AppliedMigration> appliedMigrations() {
        lock.lock();
        try {
            return Sql.list(connection, "SELECT version, applied_at, description FROM schema_version ORDER BY version",
                    rs -> new AppliedMigration(rs.getInt("version"), Sql.instant(rs, "applied_at"),
                            rs.getString("description")));
        } catch (SQLException e) {
            throw new StoreException("cannot read schema_version of " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    Connection connection() {
        return connection;
    }

    ReentrantLock lock() {
        return lock;
    }

    /** Closes the connection; SQLite checkpoints the write-ahead log into the file as it does. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!connection.isClosed()) {
                exec(connection, "PRAGMA optimize");
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot close database " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
