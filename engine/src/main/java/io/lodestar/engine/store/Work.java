package io.lodestar.engine.store;

import java.sql.SQLException;

/**
 * A change (or a read) run inside one SQLite transaction by {@link Store}. It may throw its own
 * checked exception {@code E} (e.g. a {@code ValidationException} found against the stored state),
 * which reaches the caller unchanged after the rollback; lambdas that throw none infer
 * {@code RuntimeException}.
 *
 * @param <T> the result
 * @param <E> the checked exception the work may throw
 */
@FunctionalInterface
public interface Work<T, E extends Exception> {

    T run(Tx tx) throws E, SQLException;
}
