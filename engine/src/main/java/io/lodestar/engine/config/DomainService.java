package io.lodestar.engine.config;

import io.lodestar.engine.node.ReloadReason;
import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.schedule.ScheduleResult;
import io.lodestar.engine.store.Tx;
import io.lodestar.engine.validate.DomainRules;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import io.lodestar.engine.traffic.TrafficStore;
import java.util.Optional;
import java.util.Set;

/** Domains: list, create, delete, status and TTL. Each change is one transaction, audited, then published. */
public final class DomainService {

    /** One domain to create (seed: {@code {"domain": …, "isItmDomain": …}}). */
    public record NewDomain(String domain, Boolean isItmDomain) {
    }

    private final Context ctx;

    public DomainService(Context ctx) {
        this.ctx = ctx;
    }

    public List<DomainView> list() {
        List<Domain> domains = ctx.store().read(tx -> tx.domains().list());
        List<DomainView> out = new ArrayList<>();
        for (Domain d : domains) {
            out.add(view(d));
        }
        return out;
    }

    public DomainView get(String name) throws NotFound {
        return view(ctx.store().read(tx -> tx.domains().get(name)).orElseThrow(() -> notFound(name)));
    }

    private DomainView view(Domain d) {
        var endpoints = ctx.store().read(tx -> tx.endpoints().list(d.name()));
        var paused = d.status() != DomainStatus.PAUSE ? Optional.<TrafficStore.Switch>empty()
                : ctx.store().read(tx -> TrafficStore.read(tx, d.name(),
                        TrafficStore.SWITCH, TrafficStore.Switch.class))
                .filter(TrafficStore.Switch::paused);
        boolean has = ctx.publisher().result(d.name()).map(ScheduleResult::hasDistribution).orElse(false);
        return new DomainView(d.name(), d.itmDomain() ? d.accessName(ctx.zone()) : "", d.status().wire(),
                ctx.health().monitorStatus(d.name(), endpoints), d.status() == DomainStatus.STOP ? "STOPPED" : "STARTED",
                has, d.ttl(), d.itmDomain(), paused.map(TrafficStore.Switch::by).orElse(""),
                paused.map(TrafficStore.Switch::at).orElse(""));
    }

    /** Creates domains; all or none. Returns the created names. */
    public List<Domain> create(String actor, List<NewDomain> input) throws ValidationException {
        Errors errors = new Errors();
        List<Domain> created = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (input.isEmpty()) {
            errors.add("body", "body.empty", "give at least one domain");
        }
        for (int i = 0; i < input.size(); i++) {
            NewDomain n = input.get(i);
            String p = "[" + i + "].domain";
            if (n == null) {
                errors.add("[" + i + "]", "domain.missing", "a domain object is required");
                continue;
            }
            Optional<String> name = DomainRules.domainName(n.domain(), p, errors);
            if (name.isPresent() && !seen.add(name.get())) {
                errors.add(p, "domain.duplicate", "'" + name.get() + "' is listed twice");
            }
            name.ifPresent(x -> created.add(new Domain(x, n.isItmDomain() == null || n.isItmDomain(),
                    DomainStatus.NONE, Domain.DEFAULT_TTL)));
        }
        errors.throwIfAny();
        ctx.store().transaction(tx -> {
            Errors exists = new Errors();
            for (int i = 0; i < created.size(); i++) {
                if (tx.domains().get(created.get(i).name()).isPresent()) {
                    exists.add("[" + i + "].domain", "domain.exists", "'" + created.get(i).name() + "' already exists");
                }
            }
            exists.throwIfAny();
            for (Domain d : created) {
                tx.domains().insert(d);
                Audit.record(tx, actor, "domain.create", d.name(), null, Shapes.of(d));
            }
            return null;
        });
        ctx.publisher().reload(created.stream().map(Domain::name).toList(), ReloadReason.changed("domain created"));
        return created;
    }

    /** Deletes domains with everything they own; all or none. */
    public void delete(String actor, List<String> names) throws ValidationException {
        Errors errors = new Errors();
        if (names.isEmpty()) {
            errors.add("body", "body.empty", "give at least one domain name");
        }
        errors.throwIfAny();
        List<io.lodestar.engine.model.Endpoint> gone = ctx.store().transaction(tx -> {
            Errors missing = new Errors();
            List<Domain> found = new ArrayList<>();
            List<io.lodestar.engine.model.Endpoint> endpoints = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Optional<Domain> d = names.get(i) == null ? Optional.empty() : tx.domains().get(names.get(i));
                if (d.isEmpty()) {
                    missing.add("[" + i + "]", "domain.unknown", "no domain '" + names.get(i) + "'");
                } else {
                    found.add(d.get());
                }
            }
            missing.throwIfAny();
            for (Domain d : found) {
                endpoints.addAll(tx.endpoints().list(d.name()));
                tx.domains().delete(d.name());
                Audit.record(tx, actor, "domain.delete", d.name(), Shapes.of(d), null);
            }
            return endpoints;
        });
        gone.forEach(e -> ctx.health().forget(e.domain(), e.key()));
        ctx.publisher().reload(names, ReloadReason.changed("domain deleted"));
    }

    /** Sets status (start/stop/pause) and/or TTL. */
    public Domain update(String actor, String name, String status, Integer ttl) throws ValidationException, NotFound {
        Errors errors = new Errors();
        Optional<DomainStatus> st = status == null ? Optional.empty() : DomainStatus.fromWire(status);
        if (status != null && (st.isEmpty() || st.get() == DomainStatus.NONE)) {
            errors.add("status", "status.unknown", "status must be start, stop or pause, was '" + status + "'");
        }
        if (ttl != null && (ttl < Domain.MIN_TTL || ttl > Domain.MAX_TTL)) {
            errors.add("ttl", "ttl.range", "ttl must be " + Domain.MIN_TTL + "–" + Domain.MAX_TTL + " seconds, was " + ttl);
        }
        if (status == null && ttl == null) {
            errors.add("body", "body.empty", "give status and/or ttl");
        }
        errors.throwIfAny();
        Domain after = Changes.run(ctx, tx -> {
            Domain d = require(tx, name);
            Domain n = d;
            if (st.isPresent()) {
                n = n.withStatus(st.get());
            }
            if (ttl != null) {
                n = n.withTtl(ttl);
            }
            tx.domains().update(n);
            Audit.record(tx, actor, "domain.update", name, Shapes.of(d), Shapes.of(n));
            return n;
        });
        ctx.publisher().reload(List.of(name), ReloadReason.changed("domain " + after.status().wire()));
        return after;
    }

    static Domain require(Tx tx, String name) throws SQLException {
        return tx.domains().get(name).orElseThrow(() -> Changes.notFound(notFound(name)));
    }

    static NotFound notFound(String name) {
        return new NotFound("no domain '" + name + "'");
    }
}
