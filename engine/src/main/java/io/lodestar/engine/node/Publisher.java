package io.lodestar.engine.node;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.notify.Alert;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.StrategyCompiler;
import io.lodestar.engine.schedule.ScheduleJson;
import io.lodestar.engine.schedule.ScheduleResult;
import io.lodestar.engine.store.Store;
import io.lodestar.engine.store.StoredStrategy;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.traffic.TrafficCompiler;
import io.lodestar.engine.traffic.TrafficConfig;
import io.lodestar.engine.traffic.TrafficStore;
import io.lodestar.engine.validate.ValidationException;
import io.lodestar.resources.region.Regions;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles domains and publishes snapshots. One writer (publishes are serialised); readers take
 * the current snapshot through one atomic reference. A configuration change reloads the changed
 * domains from the store; a health change recompiles from memory. Every publish whose schedule
 * result changed appends a history row.
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final Store store;
    private final Regions regions;
    private final StrategyCompiler compiler;
    private final TrafficCompiler traffic;
    private final HealthBook health;
    private final String zone;
    private final ScheduleJson scheduleJson = new ScheduleJson();
    private final Map<String, DomainState> domains = new HashMap<>();
    private final java.util.Set<String> resultChanged = new java.util.HashSet<>();
    private final AtomicReference<Snapshot> current;
    private volatile Optional<String> zoneFile = Optional.empty();
    private long version;

    private final NodeMetrics metrics;
    private final java.util.function.Consumer<Alert> alerts;

    public Publisher(Store store, Regions regions, StrategyCompiler compiler, HealthBook health, String zone,
                     NodeMetrics metrics, java.util.function.Consumer<Alert> alerts) {
        this.store = store;
        this.metrics = metrics;
        this.alerts = alerts;
        this.regions = regions;
        this.compiler = compiler;
        this.traffic = new TrafficCompiler(compiler);
        this.health = health;
        this.zone = Snapshot.normalise(zone);
        this.current = new AtomicReference<>(new Snapshot(0, this.zone, Map.of(), Optional.empty()));
    }

    /** The snapshot queries answer from. */
    public Snapshot current() {
        return current.get();
    }

    /** Loads every domain from the store and publishes the first snapshot. */
    public synchronized void loadAll(String reason) {
        List<String> names = store.read(tx -> tx.domains().list().stream().map(Domain::name).toList());
        reload(names, ReloadReason.changed(reason));
    }

    /** Re-reads these domains from the store (configuration changed), recompiles and publishes. */
    public synchronized void reload(Collection<String> names, ReloadReason reason) {
        Map<String, Optional<Loaded>> read = store.read(tx -> {     // one read transaction for the whole batch
            Map<String, Optional<Loaded>> m = new HashMap<>();
            for (String name : names) {
                Optional<Domain> d = tx.domains().get(name);
                m.put(name, d.isEmpty() ? Optional.empty()
                        : Optional.of(new Loaded(d.get(), tx.endpoints().list(name), tx.strategies().get(name),
                                TrafficStore.load(tx, name))));
            }
            return m;
        });
        for (String name : names) {
            Optional<Loaded> l = read.get(name);
            if (l.isEmpty()) {
                domains.remove(name);
                continue;
            }
            Optional<StrategyTree> tree = Optional.empty();
            if (l.get().strategy().isPresent()) {
                try {
                    tree = Optional.of(StrategyTree.resolve(l.get().strategy().get().document().strategy(),
                            l.get().endpoints(), regions));
                } catch (ValidationException e) {
                    // stored configuration is validated on write; a strategy that no longer resolves
                    // (e.g. after a catalogue change) answers nothing rather than something wrong
                    LOG.error("domain {}: stored strategy does not resolve: {}", name, e.getMessage());
                }
            }
            compile(l.get().domain(), l.get().endpoints(), tree, l.get().traffic(), true);
            if (reason.announced()) {
                alerts.accept(Alert.published(name, java.time.Instant.now(), reason.text()));
            }
        }
        publish(reason.text());
        reloaded.accept(List.copyOf(names));
        onReload.run();
    }

    private volatile Runnable onReload = () -> { };
    private volatile java.util.function.Consumer<List<String>> reloaded = names -> { };

    /** Also called after every configuration reload, with the domains re-read (the cluster exports only those). */
    public void onReloaded(java.util.function.Consumer<List<String>> r) {
        this.reloaded = r;
    }

    /** Called after every configuration reload (the node re-targets the health monitor). */
    public void onReload(Runnable r) {
        this.onReload = r;
    }

    /** Health changed for these domains: recompile from memory and publish. */
    public synchronized void healthChanged(Collection<String> names, String reason) {
        for (String name : names) {
            DomainState s = domains.get(name);
            if (s != null) {
                compile(s.domain(), s.endpoints(), s.tree(), s.traffic(), false);
            }
        }
        publish(reason);
    }

    /** Replaces the static zone content (already validated by the caller) and publishes. */
    public synchronized void zoneFile(Optional<String> text, String reason) {
        this.zoneFile = text;
        publish(reason);
        onReload.run();
    }

    /** The in-memory state of a domain (for the API's status fields). */
    public synchronized Optional<ScheduleResult> result(String domain) {
        DomainState s = domains.get(domain);
        return s == null ? Optional.empty() : Optional.of(ScheduleResult.of(s.plan()));
    }

    private void compile(Domain d, List<Endpoint> endpoints, Optional<StrategyTree> tree, TrafficConfig cfg,
                         boolean configChanged) {
        DomainState prev = domains.get(d.name());
        AnswerPlan plan;
        if (d.status() == DomainStatus.PAUSE && prev != null && !configChanged) {
            plan = prev.plan();            // paused: keep answering the last schedule result
        } else if (d.status() == DomainStatus.PAUSE && prev != null && prev.domain().status() == DomainStatus.PAUSE) {
            plan = prev.plan();            // still paused after an edit: the edit waits for resume
        } else if (d.status() == DomainStatus.NONE) {
            plan = AnswerPlan.empty(d, compiler.groups());
        } else {
            long t0 = System.nanoTime();
            plan = traffic.compile(d, tree, endpoints, health.view(d.name()), cfg);
            metrics.compiled(System.nanoTime() - t0);
        }
        ScheduleResult result = ScheduleResult.of(plan);
        String json = scheduleJson.write(result);
        if (prev == null || !prev.resultJson().equals(json)) {
            resultChanged.add(d.name());
        }
        boolean failingOpen = !result.failingOpen().isEmpty();
        boolean wasFailingOpen = prev != null && prev.resultJson().contains("\"failOpen\":true");
        if (failingOpen && !wasFailingOpen) {
            long groups = result.failingOpen().stream().filter(g -> g.family() == io.lodestar.engine.model.Family.V4).count();
            alerts.accept(Alert.allDown(d.name(), java.time.Instant.now(), "every candidate endpoint is down for " + groups
                    + " user groups; answering them as if all were up (fail open)"));
        }
        domains.put(d.name(), new DomainState(d, List.copyOf(endpoints), tree, cfg, plan, json));
    }

    private void publish(String reason) {
        Map<String, DomainEntry> byName = new HashMap<>();
        for (DomainState s : domains.values()) {
            // the plan's TTL is the domain's, or shorter while a candidate is down (TrafficPolicy.downTtl)
            Domain answered = s.domain().withTtl(Math.min(s.domain().ttl(), s.plan().domain().ttl()));
            byName.put(Snapshot.normalise(s.domain().accessName(zone)), new DomainEntry(answered, s.plan()));
        }
        version++;
        current.set(new Snapshot(version, zone, byName, zoneFile));
        metrics.published(version);
        recordHistory(reason);
    }

    private void recordHistory(String reason) {
        if (resultChanged.isEmpty()) {
            return;
        }
        try {
            store.transaction(Store.Durability.NORMAL, tx -> {
                for (String name : resultChanged) {
                    DomainState s = domains.get(name);
                    if (s != null) {
                        tx.history().appendIfChanged(name, tx.now(), s.resultJson(), reason);
                    }
                }
                return null;
            });
            resultChanged.clear();
        } catch (RuntimeException e) {
            // history is derived from live state and appended again at the next publish
            LOG.warn("schedule history not recorded: {}", e.getMessage());
        }
    }

    private record Loaded(Domain domain, List<Endpoint> endpoints, Optional<StoredStrategy> strategy,
                          TrafficConfig traffic) {
    }
}
