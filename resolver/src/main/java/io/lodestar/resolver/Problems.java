package io.lodestar.resolver;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the server reports what went wrong off the happy path (a failing stage, a listener error,
 * a zone file that cannot be served): logged at most once per interval with the number suppressed
 * since, so that a flood of bad packets cannot flood the log. Lock-free.
 */
final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger("io.lodestar.resolver");

    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    Problems(long intervalMillis) {
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    void report(String what, Throwable t) {
        total.incrementAndGet();
        long now = System.nanoTime();
        long due = next.get();
        if ((due != Long.MIN_VALUE && now - due < 0) || !next.compareAndSet(due, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return;
        }
        long skipped = suppressed.getAndSet(0);
        String tail = skipped > 0 ? " (" + skipped + " similar reports suppressed)" : "";
        if (t == null) {
            LOG.warn("{}{}", what, tail);
        } else {
            LOG.warn("{}: {}{}", what, t.toString(), tail, t);
        }
    }

    /** Everything reported since start, suppressed or not (for tests). */
    long total() {
        return total.get();
    }
}
