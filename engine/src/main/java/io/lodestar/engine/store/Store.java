package io.lodestar.engine.store;

import io.lodestar.engine.seedjson.SeedJson;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every change to the database is one {@link #transaction} — one SQLite transaction — and either
 * all of it is committed or, when the work throws anything, none of it: the database stays exactly
 * as it was. Transactions from several threads run one after another (SQLite has one writer).
 */
public final class Store {

    /** How hard a commit insists on reaching the disk. */
    public enum Durability {
        /**
         * {@code synchronous=FULL}: the write-ahead log is flushed at every commit, so a change an
         * operator was told is saved survives a power cut. For configuration, tokens and the audit log.
         */
        FULL,
        /**
         * {@code synchronous=NORMAL}: a power cut may lose the last commits, never the file's
         * integrity. For frequent machine-written records that are derived again from live state:
         * health events, schedule history, a token's last use.
         */
        NORMAL
    }

    private final Database db;
    private final SeedJson seedJson;
    private final Clock clock;

    public Store(Database db, SeedJson seedJson, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.seedJson = Objects.requireNonNull(seedJson, "seedJson");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs a change with {@link Durability#FULL}. */
    public <T, E extends Exception> T transaction(Work<T, E> work) throws E {
        return transaction(Durability.FULL, work);
    }

    /**
     * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}: the write lock is taken
     * up front, so the transaction cannot fail half way for want of it) and commits it; if the work
     * or the commit throws, rolls everything back and rethrows. {@link SQLException}s become
     * {@link StoreException}s; everything else is rethrown as it is.
     *
     * @throws IllegalStateException if called from inside another transaction of this store
     */
    public <T, E extends Exception> T transaction(Durability durability, Work<T, E> work) throws E {
        return run(durability == Durability.FULL ? "FULL" : "NORMAL", false, work);
    }

    /**
     * Runs {@code work} in one read transaction: it sees one consistent state, and any attempt to
     * write fails ({@code PRAGMA query_only}) and is rolled back.
     */
    public <T, E extends Exception> T read(Work<T, E> work) throws E {
        return run(null, true, work);
    }

    private <T, E extends Exception> T run(String sync, boolean readOnly, Work<T, E> work) throws E {
        ReentrantLock lock = db.lock();
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("nested transaction: do the whole change in the outer one");
        }
        lock.lock();
        try {
            Connection c = db.connection();
            try {
                return inTransaction(c, sync, readOnly, work);
            } finally {
                if (readOnly) {
                    queryOnlyOff(c);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private <T, E extends Exception> T inTransaction(Connection c, String sync, boolean readOnly, Work<T, E> work)
            throws E {
        try {
            Database.exec(c, readOnly ? "PRAGMA query_only = ON" : "PRAGMA synchronous = " + sync);
            Database.exec(c, readOnly ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw new StoreException("cannot begin a transaction on " + db.file() + ": " + e.getMessage(), e);
        }
        Tx tx = new Tx(c, clock, seedJson);
        try {
            T result = work.run(tx);
            Database.exec(c, readOnly ? "ROLLBACK" : "COMMIT");
            return result;
        } catch (SQLException e) {
            rollback(c, e);
            throw new StoreException("transaction on " + db.file() + " rolled back: " + e.getMessage(), e);
        } catch (Throwable t) {
            rollback(c, t);
            throw t;
        } finally {
            tx.end();
        }
    }

    /** Rolls back; after a failed COMMIT SQLite may have done so already, which is not an error. */
    private static void rollback(Connection c, Throwable cause) {
        try {
            Database.exec(c, "ROLLBACK");
        } catch (SQLException e) {
            if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
    }

    private static void queryOnlyOff(Connection c) {
        try {
            Database.exec(c, "PRAGMA query_only = OFF");
        } catch (SQLException e) {
            throw new StoreException("cannot leave read-only mode: " + e.getMessage(), e);
        }
    }
}
