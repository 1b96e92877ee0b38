package io.lodestar.engine.health;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.store.HealthEvent.State;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every health-evaluated endpoint of the configured domains from this monitor point and
 * turns the results into verdicts (ADR 0005).
 *
 * <p>How the node uses it:
 * <pre>{@code
 * HealthMonitor hm = new HealthMonitor(site, Probers.system(Probers.Options.defaults()),
 *         new PrometheusHealthMetrics(registry), changes -> {
 *             changes.forEach(c -> health.set(c.domain(), c.endpoint(), c.to()));   // HealthBook
 *             store.transaction(NORMAL, tx -> { changes.forEach(c -> tx.healthEvents().append(c.event())); ... });
 *             publisher.healthChanged(domainsOf(changes), "health: " + ...);     // recompiles, history row
 *         }, Clock.systemUTC(), System::nanoTime, new SplittableRandom(), HealthMonitor.DEFAULT_RECHECK);
 * hm.configure(targets);   // after loading, and after every configuration change: domain → (monitor, endpoints)
 * hm.start();              // once; hm.stop() on close, before the database closes
 * }</pre>
 * Domains without a monitor are simply left out of the map. The listener runs on the monitor's
 * own notification thread, one batch at a time, in order of the changes.
 */
public final class HealthMonitor implements AutoCloseable {

    /** Rapid re-check delay: long enough for a restarting server to bind, short enough to fail over in ~1 s. */
    public static final Duration DEFAULT_RECHECK = Duration.ofMillis(150);

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final String point;
    private final Prober prober;
    private final HealthMetrics metrics;
    private final VerdictListener listener;
    private final Clock clock;
    private final ProbeScheduler scheduler;
    private final ExecutorService notifier;
    private final ConcurrentLinkedQueue<VerdictChange> pending = new ConcurrentLinkedQueue<>();
    private final Map<Key, Tracked> tracked = new ConcurrentHashMap<>();
    private final Map<String, DomainTargets> domains = new ConcurrentHashMap<>();
    private volatile LocalResults localResults = (target, result) -> { };
    private volatile int quorum = 1;
    private boolean started;

    /** Receives every result this point measures (a cluster node shares them with its peers). */
    @FunctionalInterface
    public interface LocalResults {
        void measured(ProbeTarget target, ProbeResult result);
    }

    /**
     * @param point    this node's monitor point id (its {@code --site}, e.g. {@code none.CN/other})
     * @param prober   usually {@link Probers}; closed by {@link #stop()} if it is {@link AutoCloseable}
     */
    public HealthMonitor(String point, Prober prober, HealthMetrics metrics, VerdictListener listener, Clock clock,
                         LongSupplier nanoTime, RandomGenerator random, Duration recheck) {
        this.point = point;
        this.prober = prober;
        this.metrics = metrics;
        this.listener = listener;
        this.clock = clock;
        this.scheduler = new ProbeScheduler(prober, metrics, nanoTime, random, recheck);
        this.notifier = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lodestar-health-verdicts");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts probing what {@link #configure} named (and whatever it names later). */
    public synchronized void start() {
        started = true;
        tracked.values().forEach(t -> t.job = scheduler.start(t.target, this::onLocalResult));
    }

    /** Stops probing, closes the prober, and delivers the changes already decided. */
    public synchronized void stop() {
        started = false;
        tracked.values().forEach(t -> t.cancel());
        scheduler.close();
        if (prober instanceof AutoCloseable) {
            try {
                ((AutoCloseable) prober).close();
            } catch (Exception e) {
                LOG.warn("closing the prober: {}", e.getMessage());
            }
        }
        notifier.shutdown();
        try {
            notifier.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Replaces what is probed. Endpoints that remain keep their verdicts and windows (and their
     * schedule, if the monitor is unchanged); a changed monitor restarts the endpoint's probes
     * and resizes its windows, keeping each point's judgement; removed domains, endpoints and
     * endpoints now {@code evalHealth=false} are dropped without a change event (the caller
     * forgets them); new ones start {@code unknown} at a jittered slot.
     */
    public synchronized void configure(Map<String, DomainTargets> targets) {
        domains.clear();
        domains.putAll(targets);
        Map<Key, ProbeTarget> wanted = new HashMap<>();
        targets.forEach((domain, dt) -> {
            for (Endpoint e : dt.endpoints()) {
                if (e.evalHealth()) {
                    wanted.put(new Key(domain, e.key()), new ProbeTarget(domain, e.key(), e.value(), dt.monitor()));
                }
            }
        });
        tracked.entrySet().removeIf(en -> {
            if (wanted.containsKey(en.getKey())) {
                return false;
            }
            en.getValue().cancel();
            return true;
        });
        wanted.forEach((key, target) -> {
            Tracked t = tracked.get(key);
            if (t == null) {
                t = new Tracked(target, new Verdicts(Rule.of(target.monitor())));
                t.verdicts.quorum(quorum);
                tracked.put(key, t);
            } else if (!t.target.equals(target)) {
                t.cancel();
                t.target = target;
                t.verdicts.rule(Rule.of(target.monitor())).ifPresent(tr -> announce(key, tr));
            } else {
                return;
            }
            if (started) {
                t.job = scheduler.start(target, this::onLocalResult);
            }
        });
    }

    /**
     * Feeds another monitor point's result for an endpoint this node tracks (multi-node: member
     * nodes' observations). Ignored for endpoints not configured here.
     */
    public void observe(String fromPoint, String domain, String endpoint, ProbeResult result) {
        Tracked t = tracked.get(new Key(domain, endpoint));
        if (t != null) {
            t.verdicts.observe(fromPoint, result).transition().ifPresent(tr -> announce(new Key(domain, endpoint), tr));
        }
    }

    /** This node's monitor point id (its site). */
    public String point() {
        return point;
    }

    /** Where this point's own results go besides its verdicts (one listener; replaces the previous). */
    public void onLocalResults(LocalResults sink) {
        this.localResults = sink;
    }

    /** The deployment's number of monitor points: the threshold's least denominator (see {@link Verdicts#quorum}). */
    public void quorum(int points) {
        quorum = Math.max(1, points);
        tracked.forEach((key, t) -> t.verdicts.quorum(quorum).ifPresent(tr -> announce(key, tr)));
    }

    /** Another point stopped reporting (unreachable or gone): its judgements stop counting everywhere. */
    public void forgetPoint(String fromPoint) {
        tracked.forEach((key, t) -> t.verdicts.forgetPoint(fromPoint).ifPresent(tr -> announce(key, tr)));
    }

    private boolean onLocalResult(ProbeTarget target, ProbeResult r) {
        Key key = new Key(target.domain(), target.endpoint());
        Tracked t = tracked.get(key);
        if (t == null || !t.target.equals(target)) {
            return false;                       // removed or reconfigured while in flight
        }
        Verdicts.Step step = t.verdicts.observe(point, r);
        step.transition().ifPresent(tr -> announce(key, tr));
        try {
            localResults.measured(target, r);
        } catch (RuntimeException e) {
            LOG.warn("sharing a probe result failed: {}", e.getMessage());
        }
        return step.recheck();
    }

    private void announce(Key key, Verdicts.Transition tr) {
        VerdictChange c = new VerdictChange(key.domain, key.endpoint, tr.from(), tr.to(), tr.evidence(), clock.instant());
        metrics.changed(c);
        pending.add(c);
        try {
            notifier.execute(this::deliver);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // stopping: the change is dropped with the monitor
        }
    }

    private void deliver() {
        List<VerdictChange> batch = new ArrayList<>();
        VerdictChange c;
        while ((c = pending.poll()) != null) {
            batch.add(c);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            listener.changed(List.copyOf(batch));
        } catch (RuntimeException e) {
            LOG.error("verdict listener failed on {} change(s)", batch.size(), e);
        }
    }

    /** The verdict of one endpoint ({@code unknown} if it is not probed). */
    public State state(String domain, String endpoint) {
        Tracked t = tracked.get(new Key(domain, endpoint));
        return t == null ? State.UNKNOWN : t.verdicts.state();
    }

    /** The probed endpoints of a domain with verdict, evidence and each point's latest result. */
    public List<EndpointStatus> status(String domain) {
        List<EndpointStatus> out = new ArrayList<>();
        DomainTargets dt = domains.get(domain);
        if (dt == null) {
            return out;
        }
        for (Endpoint e : dt.endpoints()) {
            Tracked t = tracked.get(new Key(domain, e.key()));
            if (t != null) {
                out.add(new EndpointStatus(e.key(), t.verdicts.state(), t.verdicts.evidence(), t.verdicts.latest()));
            }
        }
        return out;
    }

    /**
     * Probes every endpoint of a domain now (the console's "probe now"), {@code evalHealth=false}
     * ones included. The result maps endpoint → point → result: this point's fresh result beside
     * other points' latest. Fresh results do not enter the verdict windows (they would overlap
     * the scheduled probes); empty if the domain is not configured.
     */
    public CompletableFuture<Map<String, Map<String, ProbeResult>>> probeNow(String domain) {
        DomainTargets dt = domains.get(domain);
        if (dt == null) {
            return CompletableFuture.completedFuture(Map.of());
        }
        Map<String, CompletableFuture<ProbeResult>> fresh = new LinkedHashMap<>();
        for (Endpoint e : dt.endpoints()) {
            fresh.put(e.key(), prober.probe(ProbeTarget.of(e, dt.monitor())));
        }
        return CompletableFuture.allOf(fresh.values().toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            Map<String, Map<String, ProbeResult>> out = new LinkedHashMap<>();
            fresh.forEach((endpoint, f) -> {
                Map<String, ProbeResult> byPoint = new LinkedHashMap<>();
                Optional.ofNullable(tracked.get(new Key(domain, endpoint)))
                        .ifPresent(t -> byPoint.putAll(t.verdicts.latest()));
                byPoint.put(point, f.join());
                out.put(endpoint, byPoint);
            });
            return out;
        });
    }

    private record Key(String domain, String endpoint) {
    }

    /** One probed endpoint: what to probe, its verdicts and its probe chain. */
    private static final class Tracked {
        volatile ProbeTarget target;
        final Verdicts verdicts;
        volatile ProbeScheduler.Job job;

        Tracked(ProbeTarget target, Verdicts verdicts) {
            this.target = target;
            this.verdicts = verdicts;
        }

        void cancel() {
            if (job != null) {
                job.cancel();
            }
        }
    }
}
