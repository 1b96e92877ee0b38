package io.lodestar.engine.traffic;

import io.lodestar.engine.notify.Alert;
import io.lodestar.engine.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.lodestar.engine.store.Tx;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives gray migrations: on every tick each running ramp is checked against its health gate and
 * its hold time. A closed gate rolls the ramp back to its last good step and raises an alert; a
 * step that held its time with the gate open becomes the last good one and the next step begins
 * (the last step ends the ramp as done). Every change is stored with a timeline event, then the
 * domain is recompiled and published, so the schedule-result history records each step with its
 * reason. Time is injected; {@link #tick()} is what tests call.
 */
public final class RampController implements AutoCloseable {

    /** Why {@code to} may not take more users now, or empty if it may. */
    @FunctionalInterface
    public interface Gate {
        Optional<String> failure(String domain, String endpoint, int maxLatencyMs);
    }

    private static final Logger LOG = LoggerFactory.getLogger(RampController.class);

    private final Store store;
    private final Gate gate;
    private final BiConsumer<List<String>, String> reload;
    private final Consumer<Alert> alerts;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public RampController(Store store, Gate gate, BiConsumer<List<String>, String> reload, Consumer<Alert> alerts,
                          Clock clock) {
        this.store = store;
        this.gate = gate;
        this.reload = reload;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Ticks every {@code period} on a daemon thread until {@link #close()}. */
    public synchronized void start(Duration period) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lodestar-ramps");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.error("gray migration tick failed", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass over every running ramp. */
    public synchronized void tick() {
        List<String> domains = store.read(tx -> tx.traffic().domainsWith(TrafficStore.RAMP));
        for (String domain : domains) {
            step(domain);
        }
    }

    private void step(String domain) {
        Instant now = clock.instant();
        // decide on a read first: most ticks change nothing and need no write lock
        if (store.read(tx -> decide(tx, domain, now)).isEmpty()) {
            return;
        }
        Optional<Change> change = store.transaction(tx -> {
            Optional<Change> c = decide(tx, domain, now);
            if (c.isPresent()) {
                TrafficStore.write(tx, domain, TrafficStore.RAMP, c.get().next(), "ramp");
            }
            return c;
        });
        if (change.isEmpty()) {
            return;
        }
        reload.accept(List.of(domain), change.get().reason());
        alerts.accept(Alert.ramp(domain, now, change.get().what(), change.get().reason()));
    }

    /** The ramp's next state at {@code now}, or empty when it stays as it is. */
    private Optional<Change> decide(Tx tx, String domain, Instant now)
            throws SQLException {
        String at = now.toString();
        TrafficConfig cfg = TrafficStore.load(tx, domain);
        Optional<Ramp> current = cfg.ramp();
        if (current.isEmpty() || current.get().status() != Ramp.Status.RUNNING) {
            return Optional.empty();
        }
        Ramp r = current.get();
        Optional<String> failure = gate.failure(domain, cfg.endpointOf(r.to()), r.maxLatencyMs());
        if (failure.isPresent()) {
            int good = r.lastGood();
            String reason = "gray migration " + r.from() + " → " + r.to() + " rolled back to " + r.percentAt(good)
                    + " % (step " + (r.step() + 1) + " at " + r.percent() + " % failed: " + failure.get() + ")";
            return Optional.of(new Change(r.with(Ramp.Status.ROLLED_BACK, good, good, at,
                    new Ramp.Event(at, "rolledBack", good, r.percentAt(good), failure.get())), reason, "rolled back"));
        }
        if (now.isBefore(Instant.parse(r.stepSince()).plusSeconds(r.holdSeconds()))) {
            return Optional.empty();
        }
        if (r.step() + 1 >= r.steps().size()) {
            return Optional.of(new Change(r.with(Ramp.Status.DONE, r.step(), r.step(), at,
                    new Ramp.Event(at, "done", r.step(), r.percent(), "held " + r.holdSeconds() + " s")),
                    "gray migration " + r.from() + " → " + r.to() + " done at " + r.percent() + " %", "completed"));
        }
        int s = r.step() + 1;
        return Optional.of(new Change(r.with(Ramp.Status.RUNNING, s, r.step(), at,
                new Ramp.Event(at, "advanced", s, r.percentAt(s), "step " + (r.step() + 1) + " held "
                        + r.holdSeconds() + " s with the gate open")),
                "gray migration " + r.from() + " → " + r.to() + " step " + (s + 1) + " of " + r.steps().size()
                        + ": " + r.percentAt(s) + " %", "advanced to " + r.percentAt(s) + " %"));
    }

    /** @param what for the alert's title: {@code rolled back}, {@code completed}, {@code advanced to 25 %} */
    private record Change(Ramp next, String reason, String what) {
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
