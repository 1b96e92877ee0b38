package io.lodestar.engine.health;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every endpoint's probes on time. One timer thread (a {@link ScheduledExecutorService})
 * only starts probes; the probes run on the prober's own threads (NIO selector, bounded pool), so
 * thousands of endpoints cost one small timer task each, and DNS threads are never involved.
 *
 * <p>Per endpoint a {@link Job} chains its probes: the next one is planned only when the previous
 * one completed ({@link Cadence}), so probes of one endpoint never overlap and memory per endpoint
 * is one task, one future in flight and the verdict's fixed window.
 */
public final class ProbeScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeScheduler.class);
    private static final long GRACE_NANOS = 2_000_000_000L;

    /** Receives each probe's result; returns true to ask for a rapid re-check. Called on prober threads. */
    public interface Handler {
        boolean onResult(ProbeTarget target, ProbeResult result);
    }

    private final Prober prober;
    private final HealthMetrics metrics;
    private final LongSupplier nanoTime;
    private final RandomGenerator random;
    private final Duration recheck;
    private final ScheduledThreadPoolExecutor timer;

    /**
     * @param recheck delay of a rapid re-check (100–200 ms is a good value)
     */
    public ProbeScheduler(Prober prober, HealthMetrics metrics, LongSupplier nanoTime, RandomGenerator random,
                          Duration recheck) {
        this.prober = prober;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        this.random = random;
        this.recheck = recheck;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "lodestar-probe-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Starts probing a target at a jittered first slot; cancel the returned job to stop. */
    public Job start(ProbeTarget target, Handler handler) {
        Cadence cadence = new Cadence(Duration.ofSeconds(target.monitor().interval()), recheck);
        Job job = new Job(target, cadence, handler);
        job.plan(cadence.first(nanoTime.getAsLong(), random));
        return job;
    }

    /** Stops the timer; jobs stop at their next slot, results in flight are dropped. */
    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One endpoint's chain of probes. */
    public final class Job {
        private final ProbeTarget target;
        private final Cadence cadence;
        private final Handler handler;
        private volatile boolean cancelled;
        private long slot;

        private Job(ProbeTarget target, Cadence cadence, Handler handler) {
            this.target = target;
            this.cadence = cadence;
            this.handler = handler;
        }

        public ProbeTarget target() {
            return target;
        }

        /** Stops after the probe in flight, whose result is dropped. */
        public void cancel() {
            cancelled = true;
        }

        private void plan(long at) {
            if (cancelled) {
                return;
            }
            slot = at;
            try {
                timer.schedule(this::run, Math.max(0, at - nanoTime.getAsLong()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                cancelled = true;
            }
        }

        private void run() {
            if (cancelled) {
                return;
            }
            long planned = slot;
            metrics.started(nanoTime.getAsLong() - planned);
            CompletableFuture<ProbeResult> f;
            try {
                // safety net: a prober bug that never completes a future must not stop this chain
                f = prober.probe(target).completeOnTimeout(ProbeResult.failed(Instant.now(), target.timeout(),
                        Failure.other("probe did not finish within its timeout")), target.timeout().toNanos() + GRACE_NANOS,
                        TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) {
                f = CompletableFuture.completedFuture(ProbeResult.failed(Instant.now(), Duration.ZERO,
                        Failures.classify(e)));
            }
            f.whenComplete((r, e) -> {
                if (cancelled) {
                    return;
                }
                boolean again = false;
                if (r != null) {
                    metrics.probed(target.monitor().protocol(), r);
                    try {
                        again = handler.onResult(target, r);
                    } catch (RuntimeException bug) {
                        LOG.error("probe result of {} {} not handled", target.domain(), target.endpoint(), bug);
                    }
                }
                plan(cadence.next(planned, nanoTime.getAsLong(), again));
            });
        }
    }
}
