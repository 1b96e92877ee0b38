package io.lodestar.engine.config;

import io.lodestar.engine.node.ReloadReason;
import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.store.StoredStrategy;
import io.lodestar.engine.store.StrategyRepo;
import io.lodestar.engine.store.Tx;
import io.lodestar.engine.strategy.Strategy;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.traffic.TrafficCompiler;
import io.lodestar.engine.traffic.TrafficConfig;
import io.lodestar.engine.traffic.TrafficStore;
import io.lodestar.engine.validate.DomainRules;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationError;
import io.lodestar.engine.validate.ValidationException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Strategies (seed API 调度策略相关接口): read, replace (update-or-create, several domains at once,
 * all or none), and the recommended strategy. Saving a strategy enables it: a domain whose status
 * is "" (not scheduled) starts (seed: 启用策略).
 */
public final class StrategyService {

    private final Context ctx;

    public StrategyService(Context ctx) {
        this.ctx = ctx;
    }

    /** The seed's strategy document; the strategy is empty (no rules) when the domain has none. */
    public SeedJson.Document get(String domain) throws NotFound {
        return Changes.read(ctx, tx -> {
            Domain d = DomainService.require(tx, domain);
            Optional<StoredStrategy> s = tx.strategies().get(domain);
            Strategy strategy = s.map(x -> x.document().strategy()).orElse(new Strategy("", List.of()));
            Set<String> used = Set.copyOf(referenced(strategy));
            List<Endpoint> conf = tx.endpoints().list(domain).stream().filter(e -> used.contains(e.key())).toList();
            return new SeedJson.Document(Optional.of(d.status()), strategy, conf);
        });
    }

    /** The tree a domain is answered by and where it comes from ({@code GET …/strategy/effective}). */
    public record Effective(TrafficCompiler.Source source, SeedJson.Document document) {
    }

    /**
     * The tree the domain is answered by: its providers' or pools' tree when they replace the stored
     * strategy (ADR 0008), else the stored strategy, as the seed's document.
     */
    public Effective effective(String domain) throws NotFound {
        return Changes.read(ctx, tx -> {
            Domain d = DomainService.require(tx, domain);
            TrafficConfig cfg = TrafficStore.load(tx, domain);
            Strategy stored = tx.strategies().get(domain).map(x -> x.document().strategy()).orElse(new Strategy("", List.of()));
            Strategy strategy = TrafficCompiler.effectiveStrategy(cfg, stored, ctx.regions());
            Set<String> used = Set.copyOf(referenced(strategy));
            List<Endpoint> conf = tx.endpoints().list(domain).stream().filter(e -> used.contains(e.key())).toList();
            return new Effective(TrafficCompiler.Source.of(cfg), new SeedJson.Document(Optional.of(d.status()), strategy, conf));
        });
    }

    /**
     * Seed {@code update-or-create}: each domain's strategy is replaced. Endpoints listed in
     * {@code endpointsConf} that the domain lacks are added; listed ones it has get the listed type,
     * area, ISP, evalHealth and enable (their tags and weight are kept).
     */
    public void updateOrCreate(String actor, String json) throws ValidationException, NotFound {
        Map<String, SeedJson.Document> docs = ctx.seedJson().readUpdateOrCreate(json);
        Changes.run(ctx, tx -> {
            for (Map.Entry<String, SeedJson.Document> e : docs.entrySet()) {
                save(tx, actor, e.getKey(), e.getValue(), e.getKey() + ".", "strategy.put", "");
            }
            return null;
        });
        ctx.publisher().reload(docs.keySet(), ReloadReason.published("strategy published"));
    }

    /** Generates the recommended strategy from the domain's endpoints and enables it. */
    public Strategy recommend(String actor, String domain) throws ValidationException, NotFound {
        Strategy s = Changes.run(ctx, tx -> {
            DomainService.require(tx, domain);
            List<Endpoint> eps = tx.endpoints().list(domain);
            Strategy r = ctx.recommender().recommend(eps);
            save(tx, actor, domain, new SeedJson.Document(Optional.empty(), r, List.of()), "", "strategy.put", "recommended");
            return r;
        });
        ctx.publisher().reload(List.of(domain), ReloadReason.published("recommended strategy published"));
        return s;
    }

    /** The recommended strategy as a draft: built from the domain's endpoints, nothing stored. */
    public SeedJson.Document recommended(String domain) throws NotFound, ValidationException {
        List<Endpoint> eps = Changes.read(ctx, tx -> {
            DomainService.require(tx, domain);
            return tx.endpoints().list(domain);
        });
        return new SeedJson.Document(Optional.empty(), ctx.recommender().recommend(eps), List.of());
    }

    /** The domain's published versions, newest first. */
    public List<StrategyRepo.Version> versions(String domain) throws NotFound {
        return Changes.read(ctx, tx -> {
            DomainService.require(tx, domain);
            return tx.strategies().versions(domain);
        });
    }

    /** A published version's document, as it was published. */
    public SeedJson.Document version(String domain, long version) throws NotFound {
        return Changes.read(ctx, tx -> {
            DomainService.require(tx, domain);
            String json = tx.strategies().versionJson(domain, version)
                    .orElseThrow(() -> Changes.notFound(new NotFound(versionNotFound(domain, version))));
            return readStored(json, domain, version);
        });
    }

    /**
     * Publishes an older version again, as a new version (audited {@code strategy.rollback}). Refused,
     * changing nothing, if it no longer fits the domain (e.g. it names a deleted endpoint).
     *
     * @return the new version's number
     */
    public long rollback(String actor, String domain, long version) throws ValidationException, NotFound {
        long v = Changes.run(ctx, tx -> {
            DomainService.require(tx, domain);
            String json = tx.strategies().versionJson(domain, version)
                    .orElseThrow(() -> Changes.notFound(new NotFound(versionNotFound(domain, version))));
            SeedJson.Document doc = readStored(json, domain, version);
            return save(tx, actor, domain, new SeedJson.Document(Optional.empty(), doc.strategy(), List.of()), "",
                    "strategy.rollback", "rollback to " + version);
        });
        ctx.publisher().reload(List.of(domain), ReloadReason.published("strategy rolled back to version " + version
                + ", published as version " + v));
        return v;
    }

    private static String versionNotFound(String domain, long version) {
        return "domain " + domain + " has no strategy version " + version;
    }

    private SeedJson.Document readStored(String json, String domain, long version) {
        try {
            return ctx.seedJson().read(json, domain);
        } catch (ValidationException e) {
            throw new io.lodestar.engine.store.StoreException("stored strategy version " + version + " of " + domain
                    + " is no longer valid: " + e.getMessage(), e);
        }
    }

    private long save(Tx tx, String actor, String domain, SeedJson.Document doc, String prefix, String action, String note)
            throws SQLException, ValidationException {
        Domain d = tx.domains().get(domain).orElseThrow(() -> Changes.notFound(DomainService.notFound(domain)));
        Map<String, Endpoint> all = new LinkedHashMap<>();
        tx.endpoints().list(domain).forEach(e -> all.put(e.key(), e));
        for (Endpoint conf : doc.endpointsConf()) {
            Endpoint have = all.get(conf.key());
            Endpoint merged = have == null ? conf : new Endpoint(domain, conf.value(), conf.area(), conf.isp(),
                    have.tags(), have.weight(), conf.enable(), conf.evalHealth());
            if (have == null) {
                tx.endpoints().insert(merged);
            } else if (!have.equals(merged)) {
                tx.endpoints().update(merged);
            }
            all.put(merged.key(), merged);
        }
        List<Endpoint> endpoints = new ArrayList<>(all.values());
        try {
            StrategyTree.resolve(doc.strategy(), endpoints, ctx.regions());
        } catch (ValidationException e) {
            throw prefixed(e, prefix);
        }
        Errors errors = new Errors();
        DomainRules.requireIpv4(endpoints, prefix + "endpointsConf", errors);
        errors.throwIfAny();
        Optional<String> before = tx.strategies().json(domain);
        long version = tx.strategies().put(domain, new SeedJson.Document(Optional.empty(), doc.strategy(), endpoints), actor, note);
        if (d.status() == DomainStatus.NONE) {
            tx.domains().update(d.withStatus(DomainStatus.START));
        }
        Audit.record(tx, actor, action, domain, before.orElse(null),
                ctx.seedJson().write(new SeedJson.Document(Optional.empty(), doc.strategy(), List.of())));
        return version;
    }

    private static ValidationException prefixed(ValidationException e, String prefix) {
        if (prefix.isEmpty()) {
            return e;
        }
        return new ValidationException(e.errors().stream()
                .map(v -> new ValidationError(prefix + v.path(), v.rule(), prefix + v.message())).toList());
    }

    private static List<String> referenced(Strategy s) {
        List<String> out = new ArrayList<>();
        s.rules().forEach(r -> r.items().forEach(i -> out.add(i.reference())));
        return out;
    }
}
