package io.lodestar.engine.config;

import io.lodestar.engine.store.Work;
import io.lodestar.engine.validate.ValidationException;

/**
 * Runs a configuration change in one transaction. A change may be refused as invalid
 * ({@link ValidationException}, 400) or because what it names is missing ({@link NotFound}, 404);
 * either way nothing is written.
 */
final class Changes {

    private Changes() {
    }

    static <T> T run(Context ctx, Work<T, ValidationException> work) throws ValidationException, NotFound {
        try {
            return ctx.store().transaction(work);
        } catch (Missing e) {
            throw e.notFound;
        }
    }

    /** A read in one transaction, with {@link NotFound} carried out as for changes. */
    static <T> T read(Context ctx, Work<T, RuntimeException> work) throws NotFound {
        try {
            return ctx.store().read(work);
        } catch (Missing e) {
            throw e.notFound;
        }
    }

    /** To throw from inside a transaction's lambda; {@link #run} turns it back into {@link NotFound}. */
    static Missing notFound(NotFound n) {
        return new Missing(n);
    }

    static final class Missing extends RuntimeException {
        private final NotFound notFound;

        Missing(NotFound n) {
            super(n.getMessage(), null, false, false);
            this.notFound = n;
        }
    }
}
