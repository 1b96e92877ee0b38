package io.lodestar.engine.config;

import io.lodestar.engine.node.ReloadReason;
import io.lodestar.engine.health.VerdictChange;
import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.model.Monitor;
import io.lodestar.engine.notify.Alert;
import io.lodestar.engine.store.EventKind;
import io.lodestar.engine.store.HealthEvent;
import io.lodestar.engine.store.Tx;
import io.lodestar.engine.traffic.Drill;
import io.lodestar.engine.traffic.Pool;
import io.lodestar.engine.traffic.Providers;
import io.lodestar.engine.traffic.Ramp;
import io.lodestar.engine.traffic.TrafficConfig;
import io.lodestar.engine.traffic.TrafficDocs;
import io.lodestar.engine.traffic.TrafficPolicy;
import io.lodestar.engine.traffic.TrafficStore;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Traffic operations (issue 9): the pool/all-down/TTL policy, multi-CDN providers, gray
 * migrations, switch control and failover drills. Each change is one transaction, audited, then
 * the domain is recompiled and published like any configuration change.
 */
public final class TrafficService {

    private final Context ctx;
    private final Consumer<Alert> alerts;

    public TrafficService(Context ctx, Consumer<Alert> alerts) {
        this.ctx = ctx;
        this.alerts = alerts;
    }

    // ---- policy and pools ----

    public TrafficDocs.PolicyDoc policy(String domain) throws NotFound {
        return Changes.read(ctx, tx -> {
            DomainService.require(tx, domain);
            return TrafficDocs.doc(TrafficStore.policy(tx, domain).orElse(TrafficPolicy.DEFAULT));
        });
    }

    public TrafficDocs.PolicyDoc putPolicy(String actor, String domain, TrafficDocs.PolicyDoc doc)
            throws ValidationException, NotFound {
        TrafficPolicy p = Changes.run(ctx, tx -> {
            DomainService.require(tx, domain);
            TrafficPolicy policy = TrafficDocs.policy(doc, tx.endpoints().list(domain));
            Optional<TrafficPolicy> before = TrafficStore.policy(tx, domain);
            TrafficStore.write(tx, domain, TrafficStore.POLICY, TrafficDocs.doc(policy), actor);
            Audit.record(tx, actor, "traffic.policy.put", domain, before.map(TrafficDocs::doc).orElse(null),
                    TrafficDocs.doc(policy));
            return policy;
        });
        ctx.publisher().reload(List.of(domain), ReloadReason.changed("traffic policy changed"));
        return TrafficDocs.doc(p);
    }

    // ---- providers ----

    public Optional<TrafficDocs.ProvidersDoc> providers(String domain) throws NotFound {
        return Changes.read(ctx, tx -> {
            DomainService.require(tx, domain);
            return TrafficStore.read(tx, domain, TrafficStore.PROVIDERS, Providers.class).map(TrafficDocs::doc);
        });
    }

    public TrafficDocs.ProvidersDoc putProviders(String actor, String domain, TrafficDocs.ProvidersDoc doc)
            throws ValidationException, NotFound {
        Providers p = Changes.run(ctx, tx -> {
            DomainService.require(tx, domain);
            Optional<Providers> before = TrafficStore.read(tx, domain, TrafficStore.PROVIDERS, Providers.class);
            Providers providers = TrafficDocs.providers(doc, tx.endpoints().list(domain), ctx.regions());
            if (doc.enable() == null && before.isPresent()) {
                providers = providers.withEnable(before.get().enable()); // enable is changed by its own request
            }
            TrafficStore.write(tx, domain, TrafficStore.PROVIDERS, providers, actor);
            Audit.record(tx, actor, "traffic.providers.put", domain, before.map(TrafficDocs::doc).orElse(null),
                    TrafficDocs.doc(providers));
            return providers;
        });
        ctx.publisher().reload(List.of(domain), ReloadReason.changed("providers changed"));
        return TrafficDocs.doc(p);
    }

    /** Enables or disables the providers policy (disabled: every user to the default provider). */
    public TrafficDocs.ProvidersDoc enableProviders(String actor, String domain, boolean enable)
            throws ValidationException, NotFound {
        Providers p = Changes.run(ctx, tx -> {
            Providers before = requireProviders(tx, domain);
            Providers after = before.withEnable(enable);
            TrafficStore.write(tx, domain, TrafficStore.PROVIDERS, after, actor);
            Audit.record(tx, actor, enable ? "traffic.providers.enable" : "traffic.providers.disable", domain,
                    TrafficDocs.doc(before), TrafficDocs.doc(after));
            return after;
        });
        ctx.publisher().reload(List.of(domain), ReloadReason.changed(enable ? "providers enabled" : "providers disabled"));
        return TrafficDocs.doc(p);
    }

    /** Deletes the providers policy; refused while it is enabled (EdgeOne: 停用策略后，可删除策略). */
    public void deleteProviders(String actor, String domain) throws ValidationException, NotFound {
        Changes.run(ctx, tx -> {
            Providers before = requireProviders(tx, domain);
            if (before.enable()) {
                new Errors().add("enable", "providers.enabled", "disable the providers policy before deleting it")
                        .throwIfAny();
            }
            tx.traffic().delete(domain, TrafficStore.PROVIDERS);
            Audit.record(tx, actor, "traffic.providers.delete", domain, TrafficDocs.doc(before), null);
            return null;
        });
        ctx.publisher().reload(List.of(domain), ReloadReason.changed("providers deleted"));
    }

    private static Providers requireProviders(Tx tx, String domain) throws SQLException {
        DomainService.require(tx, domain);
        return TrafficStore.read(tx, domain, TrafficStore.PROVIDERS, Providers.class)
                .orElseThrow(() -> Changes.notFound(new NotFound("domain '" + domain + "' has no providers policy")));
    }

    // ---- gray migration ----

    public Optional<Ramp> ramp(String domain) throws NotFound {
        return Changes.read(ctx, tx -> {
            DomainService.require(tx, domain);
            return TrafficStore.read(tx, domain, TrafficStore.RAMP, Ramp.class);
        });
    }

    /** Starts a ramp at its first step; refused while another runs or is paused. */
    public Ramp startRamp(String actor, String domain, TrafficDocs.RampInput in) throws ValidationException, NotFound {
        Ramp r = Changes.run(ctx, tx -> {
            DomainService.require(tx, domain);
            TrafficConfig cfg = TrafficStore.load(tx, domain);
            if (cfg.ramp().isPresent() && active(cfg.ramp().get())) {
                new Errors().add("ramp", "ramp.active", "a gray migration is " + wire(cfg.ramp().get().status())
                        + "; delete it first").throwIfAny();
            }
            Ramp ramp = TrafficDocs.ramp(in, cfg, tx.endpoints().list(domain), ctx.regions(), tx.now().toString());
            TrafficStore.write(tx, domain, TrafficStore.RAMP, ramp, actor);
            Audit.record(tx, actor, "traffic.ramp.start", domain, null, in);
            return ramp;
        });
        ctx.publisher().reload(List.of(domain), ReloadReason.changed("gray migration " + r.from() + " → " + r.to() + " step 1 of "
                + r.steps().size() + ": " + r.percent() + " %"));
        return r;
    }

    /** Pauses (holds the share in force) or resumes (the hold time starts again) a ramp. */
    public Ramp pauseRamp(String actor, String domain, boolean pause) throws ValidationException, NotFound {
        Ramp after = Changes.run(ctx, tx -> {
            DomainService.require(tx, domain);
            Ramp r = TrafficStore.read(tx, domain, TrafficStore.RAMP, Ramp.class)
                    .orElseThrow(() -> Changes.notFound(new NotFound("domain '" + domain + "' has no gray migration")));
            String at = tx.now().toString();
            Ramp next;
            if (pause && r.status() == Ramp.Status.RUNNING) {
                next = r.with(Ramp.Status.PAUSED, r.step(), r.lastGood(), r.stepSince(),
                        new Ramp.Event(at, "paused", r.step(), r.percent(), "by " + actor));
            } else if (!pause && (r.status() == Ramp.Status.PAUSED || r.status() == Ramp.Status.ROLLED_BACK)) {
                int step = r.status() == Ramp.Status.ROLLED_BACK ? r.lastGood() + 1 : r.step();
                next = r.with(Ramp.Status.RUNNING, step, r.lastGood(), at,
                        new Ramp.Event(at, "resumed", step, r.percentAt(step), "by " + actor));
            } else {
                new Errors().add("status", "ramp.state", "cannot " + (pause ? "pause" : "resume") + " a ramp that is "
                        + wire(r.status())).throwIfAny();
                return r;
            }
            TrafficStore.write(tx, domain, TrafficStore.RAMP, next, actor);
            Audit.record(tx, actor, pause ? "traffic.ramp.pause" : "traffic.ramp.resume", domain, null, null);
            return next;
        });
        String reason = "gray migration " + wire(after.status()) + " at " + after.percent() + " % by " + actor;
        ctx.publisher().reload(List.of(domain), ReloadReason.changed(reason));
        alerts.accept(Alert.ramp(domain, ctx.store().read(Tx::now), pause ? "paused" : "resumed", reason));
        return after;
    }

    /** Removes the ramp: its share of users returns to {@code from}. */
    public void deleteRamp(String actor, String domain) throws ValidationException, NotFound {
        Changes.run(ctx, tx -> {
            DomainService.require(tx, domain);
            if (!tx.traffic().delete(domain, TrafficStore.RAMP)) {
                throw Changes.notFound(new NotFound("domain '" + domain + "' has no gray migration"));
            }
            Audit.record(tx, actor, "traffic.ramp.delete", domain, null, null);
            return null;
        });
        ctx.publisher().reload(List.of(domain), ReloadReason.changed("gray migration removed"));
    }

    static boolean active(Ramp r) {
        return r.status() == Ramp.Status.RUNNING || r.status() == Ramp.Status.PAUSED;
    }

    public static String wire(Ramp.Status s) {
        switch (s) {
            case RUNNING:
                return "running";
            case PAUSED:
                return "paused";
            case DONE:
                return "done";
            default:
                return "rolledBack";
        }
    }

    // ---- switch control ----

    public TrafficStore.Switch switching(String domain) throws NotFound {
        return Changes.read(ctx, tx -> {
            Domain d = DomainService.require(tx, domain);
            Optional<TrafficStore.Switch> s = TrafficStore.read(tx, domain, TrafficStore.SWITCH, TrafficStore.Switch.class);
            boolean paused = d.status() == DomainStatus.PAUSE;
            return s.filter(x -> x.paused() == paused).orElse(new TrafficStore.Switch(paused, "", ""));
        });
    }

    /** Pauses switching (answers freeze as they are; the domain's status becomes pause) or resumes it. */
    public TrafficStore.Switch setSwitching(String actor, String domain, boolean paused) throws ValidationException, NotFound {
        TrafficStore.Switch s = Changes.run(ctx, tx -> {
            Domain d = DomainService.require(tx, domain);
            if (d.status() == DomainStatus.NONE || d.status() == DomainStatus.STOP) {
                new Errors().add("paused", "status.notScheduling", "domain '" + domain + "' is not being scheduled (status '"
                        + d.status().wire() + "')").throwIfAny();
            }
            Domain n = d.withStatus(paused ? DomainStatus.PAUSE : DomainStatus.START);
            tx.domains().update(n);
            TrafficStore.Switch sw = new TrafficStore.Switch(paused, actor, tx.now().toString());
            TrafficStore.write(tx, domain, TrafficStore.SWITCH, sw, actor);
            Audit.record(tx, actor, paused ? "traffic.switching.pause" : "traffic.switching.resume", domain,
                    Shapes.of(d), Shapes.of(n));
            return sw;
        });
        ctx.publisher().reload(List.of(domain), ReloadReason.changed(paused ? "switching paused by " + actor : "switching resumed by " + actor));
        return s;
    }

    // ---- failover drills ----

    public Optional<Drill> drill(String domain) throws NotFound {
        return Changes.read(ctx, tx -> {
            DomainService.require(tx, domain);
            return TrafficStore.read(tx, domain, TrafficStore.DRILL, Drill.class);
        });
    }

    /** Plans a drill naming endpoints and pools to take out; refused while one is executed. */
    public Drill planDrill(String actor, String domain, List<String> endpoints, List<String> pools, String mode)
            throws ValidationException, NotFound {
        return Changes.run(ctx, tx -> {
            DomainService.require(tx, domain);
            Optional<Drill> before = TrafficStore.read(tx, domain, TrafficStore.DRILL, Drill.class);
            Errors errors = new Errors();
            if (before.isPresent() && before.get().executed()) {
                errors.add("drill", "drill.executed", "roll the executed drill back first");
            }
            Set<String> keys = new LinkedHashSet<>();
            tx.endpoints().list(domain).forEach(e -> keys.add(e.key()));
            List<String> eps = endpoints == null ? List.of() : endpoints;
            List<String> ps = pools == null ? List.of() : pools;
            for (int i = 0; i < eps.size(); i++) {
                if (!keys.contains(eps.get(i))) {
                    errors.add("endpoints[" + i + "]", "endpoint.unknown", "'" + eps.get(i) + "' is not an endpoint of the domain");
                }
            }
            TrafficPolicy policy = TrafficStore.policy(tx, domain).orElse(TrafficPolicy.DEFAULT);
            for (int i = 0; i < ps.size(); i++) {
                String name = ps.get(i);
                if (policy.pools().stream().noneMatch(p -> p.name().equals(name))) {
                    errors.add("pools[" + i + "]", "pool.unknown", "'" + name + "' is not a pool of the domain");
                }
            }
            if (eps.isEmpty() && ps.isEmpty()) {
                errors.add("endpoints", "drill.empty", "name endpoints or pools to take out");
            }
            String m = mode == null ? Drill.FORCE : mode;
            if (!m.equals(Drill.FORCE) && !m.equals(Drill.WATCH)) {
                errors.add("mode", "mode.unknown", "must be force (take them out here) or watch (you stop the real"
                        + " service; the drill measures the failover), was '" + m + "'");
            }
            errors.throwIfAny();
            Drill d = Drill.plan(m, eps, ps);
            TrafficStore.write(tx, domain, TrafficStore.DRILL, d, actor);
            Audit.record(tx, actor, "traffic.drill.plan", domain, before.orElse(null), d);
            return d;
        });
    }

    /** Executes the planned drill: its endpoints are forced down; measures how long until answers moved. */
    public Drill executeDrill(String actor, String domain) throws ValidationException, NotFound {
        long t0 = System.nanoTime();
        Drill d = Changes.run(ctx, tx -> {
            Drill plan = requireDrill(tx, domain);
            if (plan.executed()) {
                new Errors().add("drill", "drill.executed", "the drill is executed already").throwIfAny();
            }
            TrafficPolicy policy = TrafficStore.policy(tx, domain).orElse(TrafficPolicy.DEFAULT);
            Set<String> targets = new LinkedHashSet<>(plan.endpoints());
            for (Pool p : policy.pools()) {
                if (plan.pools().contains(p.name())) {
                    p.members().forEach(m -> targets.add(m.endpoint()));
                }
            }
            List<String> forced = plan.mode().equals(Drill.FORCE) ? new ArrayList<>(targets) : List.of();
            Drill x = new Drill(plan.mode(), plan.endpoints(), plan.pools(), true, new ArrayList<>(targets), forced,
                    tx.now().toString(), actor, "", "", -1);
            TrafficStore.write(tx, domain, TrafficStore.DRILL, x, actor);
            Audit.record(tx, actor, "traffic.drill.execute", domain, plan, x);
            return x;
        });
        if (d.mode().equals(Drill.WATCH)) {
            String title = "[drill] " + domain + ": watching " + String.join(", ", d.targets()) + " fail over";
            alerts.accept(new Alert(EventKind.DRILL, domain, Optional.empty(), ctx.store().read(Tx::now), title,
                    title + " (started by " + actor + "; stop the service now, the drill measures the failover)"));
            return d;
        }
        ctx.publisher().reload(List.of(domain), ReloadReason.changed("drill executed by " + actor + ": " + d.forced() + " forced down"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Drill measured = withMeasured(d, ms);
        ctx.store().transaction(tx -> {
            TrafficStore.write(tx, domain, TrafficStore.DRILL, measured, actor);
            return null;
        });
        String title = "[drill] " + domain + ": " + String.join(", ", d.forced()) + " taken out of service";
        alerts.accept(new Alert(EventKind.DRILL, domain, Optional.empty(), ctx.store().read(Tx::now), title,
                title + " by " + actor + " (a failover drill; roll it back to restore)"));
        return measured;
    }

    /** Rolls the executed drill back: the forced states go, answers are as before the drill. */
    public Drill rollbackDrill(String actor, String domain) throws ValidationException, NotFound {
        Drill d = Changes.run(ctx, tx -> {
            Drill x = requireDrill(tx, domain);
            if (!x.executed()) {
                new Errors().add("drill", "drill.notExecuted", "the drill is not executed").throwIfAny();
            }
            Drill back = new Drill(x.mode(), x.endpoints(), x.pools(), false, x.targets(), List.of(), x.executedAt(),
                    x.executedBy(), tx.now().toString(), actor, x.measuredMs());
            TrafficStore.write(tx, domain, TrafficStore.DRILL, back, actor);
            Audit.record(tx, actor, "traffic.drill.rollback", domain, x, back);
            return back;
        });
        ctx.publisher().reload(List.of(domain), ReloadReason.changed("drill rolled back by " + actor));
        String title = "[drill] " + domain + ": drill rolled back";
        alerts.accept(new Alert(EventKind.DRILL, domain, Optional.empty(), ctx.store().read(Tx::now), title,
                title + " by " + actor));
        return d;
    }

    private static Drill withMeasured(Drill d, long ms) {
        return new Drill(d.mode(), d.endpoints(), d.pools(), d.executed(), d.targets(), d.forced(), d.executedAt(),
                d.executedBy(), d.rolledBackAt(), d.rolledBackBy(), ms);
    }

    /**
     * Verdicts changed (the health monitor's thread, after the answers were republished): a watching
     * drill whose target was judged down records how long that took since it was executed.
     */
    public void verdictsChanged(List<VerdictChange> changes) {
        for (VerdictChange c : changes) {
            if (c.to() != HealthEvent.State.FAIL) {
                continue;
            }
            Optional<Drill> done = ctx.store().transaction(tx -> {
                Optional<Drill> d = TrafficStore.read(tx, c.domain(), TrafficStore.DRILL, Drill.class);
                if (d.isEmpty() || !d.get().watching() || d.get().measuredMs() >= 0 || !d.get().targets().contains(c.endpoint())) {
                    return Optional.<Drill>empty();
                }
                long ms = Math.max(0, Duration.between(Instant.parse(d.get().executedAt()),
                        tx.now()).toMillis());
                Drill m = withMeasured(d.get(), ms);
                TrafficStore.write(tx, c.domain(), TrafficStore.DRILL, m, "drill");
                return Optional.of(m);
            });
            done.ifPresent(m -> {
                String title = "[drill] " + c.domain() + ": " + c.endpoint() + " failed over after "
                        + m.measuredMs() / 1000.0 + " s";
                alerts.accept(new Alert(EventKind.DRILL, c.domain(), Optional.empty(), c.at(), title,
                        title + " (judged down and answers moved; resolvers follow within the TTL)"));
            });
        }
    }

    private static Drill requireDrill(Tx tx, String domain) throws SQLException {
        DomainService.require(tx, domain);
        return TrafficStore.read(tx, domain, TrafficStore.DRILL, Drill.class)
                .orElseThrow(() -> Changes.notFound(new NotFound("domain '" + domain + "' has no drill plan")));
    }

    /**
     * Expected failover time of a domain: (interval + timeout) × minFailures + TTL, in seconds —
     * the worst case from an endpoint's failure to the last resolver cache forgetting it.
     */
    public Map<String, Object> failoverTime(String domain) throws NotFound {
        return Changes.read(ctx, tx -> {
            Domain d = DomainService.require(tx, domain);
            Optional<Monitor> m = tx.monitors().get(domain);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("domain", domain);
            out.put("ttl", d.ttl());
            if (m.isPresent()) {
                out.put("interval", m.get().interval());
                out.put("timeout", m.get().timeout());
                out.put("minFailures", m.get().minFailures());
                out.put("expectedSeconds", (m.get().interval() + m.get().timeout()) * m.get().minFailures() + d.ttl());
            } else {
                out.put("expectedSeconds", null);
            }
            TrafficStore.read(tx, domain, TrafficStore.DRILL, Drill.class).filter(x -> x.measuredMs() >= 0)
                    .ifPresent(x -> {
                        out.put("drillMeasuredMs", x.measuredMs());
                        out.put("drillMeasuredSeconds", x.measuredMs() / 1000.0 + d.ttl());
                    });
            return out;
        });
    }
}
