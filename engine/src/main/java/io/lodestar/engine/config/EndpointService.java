package io.lodestar.engine.config;

import io.lodestar.engine.node.ReloadReason;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.IpText;
import io.lodestar.engine.store.HealthEvent;
import io.lodestar.engine.store.StoredStrategy;
import io.lodestar.engine.store.Tx;
import io.lodestar.engine.strategy.Strategy;
import io.lodestar.engine.validate.DomainRules;
import io.lodestar.engine.validate.EndpointInput;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationException;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.traffic.TrafficStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Endpoints (seed API 端点相关接口): list with live status, add, modify, delete (refused while a
 * strategy uses the endpoint), and delete with the strategy regenerated. All or none per request.
 */
public final class EndpointService {

    /** One endpoint row of a request: its domain and the typed fields. */
    public record Row(String domain, EndpointInput input) {
    }

    /** An endpoint with its health, as listed. */
    public record Listed(Endpoint endpoint, HealthEvent.State status) {
    }

    private final Context ctx;

    public EndpointService(Context ctx) {
        this.ctx = ctx;
    }

    public List<Listed> list(String domain) throws NotFound {
        List<Endpoint> eps = Changes.read(ctx, tx -> {
            DomainService.require(tx, domain);
            return tx.endpoints().list(domain);
        });
        return eps.stream().map(e -> new Listed(e, ctx.health().shown(e))).toList();
    }

    public void add(String actor, List<Row> rows) throws ValidationException, NotFound {
        change(actor, rows, true);
    }

    public void modify(String actor, List<Row> rows) throws ValidationException, NotFound {
        change(actor, rows, false);
    }

    private void change(String actor, List<Row> rows, boolean adding) throws ValidationException, NotFound {
        // an add must be complete and valid by itself; a modify is completed from the stored endpoint
        List<Endpoint> parsed = adding ? parse(rows) : List.of();
        Set<String> domains = new LinkedHashSet<>();
        rows.forEach(r -> domains.add(r.domain()));
        checkRows(rows);
        Changes.run(ctx, tx -> {
            Errors errors = new Errors();
            List<Endpoint> changes = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                String p = "[" + i + "]";
                DomainService.require(tx, r.domain());
                String key = adding ? parsed.get(i).key() : canonicalText(r.input().endpoint());
                Optional<Endpoint> existing = tx.endpoints().get(r.domain(), key);
                if (adding && existing.isPresent()) {
                    errors.add(p + ".endpoint", "endpoint.exists", "endpoint '" + key + "' already exists in " + r.domain());
                } else if (!adding && existing.isEmpty()) {
                    errors.add(p + ".endpoint", "endpoint.unknown", "no endpoint '" + r.input().endpoint() + "' in " + r.domain());
                } else if (!adding) {
                    // a modify keeps every field it does not name
                    r.input().over(existing.get()).toEndpoint(r.domain(), ctx.regions(), p, errors).ifPresent(changes::add);
                } else {
                    changes.add(parsed.get(i));
                }
            }
            errors.throwIfAny();
            for (Endpoint e : changes) {
                Optional<Endpoint> before = tx.endpoints().get(e.domain(), e.key());
                if (adding) {
                    tx.endpoints().insert(e);
                } else {
                    tx.endpoints().update(e);
                }
                Audit.record(tx, actor, adding ? "endpoint.add" : "endpoint.modify", e.domain() + "/" + e.key(),
                        before.map(Shapes::of).orElse(null), Shapes.of(e));
            }
            for (String d : domains) {
                Errors domainErrors = new Errors();
                DomainRules.requireIpv4(tx.endpoints().list(d), "endpoints", domainErrors);
                domainErrors.throwIfAny();
            }
            return null;
        });
        ctx.publisher().reload(domains, ReloadReason.changed(adding ? "endpoints added" : "endpoints modified"));
    }

    /** Deletes endpoints; refused (nothing deleted) if a strategy uses one of them. */
    public void delete(String actor, List<Row> rows) throws ValidationException, NotFound {
        delete(actor, rows, false);
    }

    /**
     * Seed {@code del-with-regen-strategy}: deletes endpoints of one domain, then replaces the
     * strategy by the recommended one for the endpoints that remain (none remain: no strategy).
     */
    public void deleteWithRegeneratedStrategy(String actor, List<Row> rows) throws ValidationException, NotFound {
        delete(actor, rows, true);
    }

    private void delete(String actor, List<Row> rows, boolean regenerate) throws ValidationException, NotFound {
        Errors errors = new Errors();
        Set<String> domains = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.domain() == null || r.domain().isBlank()) {
                errors.add("[" + i + "].domain", "domain.missing", "each row needs its domain");
            } else {
                domains.add(r.domain());
            }
            if (r.input().endpoint() == null || r.input().endpoint().isBlank()) {
                errors.add("[" + i + "].endpoint", "endpoint.missing", "each row needs the endpoint to delete");
            }
        }
        if (rows.isEmpty()) {
            errors.add("body", "body.empty", "give at least one endpoint");
        }
        if (regenerate && domains.size() > 1) {
            errors.add("body", "domain.mixed", "del-with-regen-strategy deletes endpoints of one domain at a time, got " + domains);
        }
        errors.throwIfAny();
        List<Endpoint> deleted = Changes.run(ctx, tx -> {
            Errors refused = new Errors();
            List<Endpoint> doomed = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                DomainService.require(tx, r.domain());
                Optional<Endpoint> e = findLoose(tx, r.domain(), r.input().endpoint());
                if (e.isEmpty()) {
                    refused.add("[" + i + "].endpoint", "endpoint.unknown", "no endpoint '" + r.input().endpoint() + "' in " + r.domain());
                    continue;
                }
                doomed.add(e.get());
                Optional<StoredStrategy> s = tx.strategies().get(r.domain());
                if (!regenerate && s.isPresent()) {
                    DomainRules.refuseDeleteInUse(s.get().document().strategy(), List.of(e.get().key()), "[" + i + "].endpoint", refused);
                }
                List<String> uses = TrafficStore.usesOf(tx, r.domain(), e.get().key());
                if (!uses.isEmpty()) {
                    refused.add("[" + i + "].endpoint", "endpoint.inUse", "'" + e.get().key() + "' is used by "
                            + String.join(", ", uses) + " of " + r.domain() + "; remove it there first");
                }
            }
            refused.throwIfAny();
            for (Endpoint e : doomed) {
                tx.endpoints().delete(e.domain(), e.key());
                Audit.record(tx, actor, "endpoint.delete", e.domain() + "/" + e.key(), Shapes.of(e), null);
            }
            for (String d : domains) {
                List<Endpoint> rest = tx.endpoints().list(d);
                Errors ipv4 = new Errors();
                DomainRules.requireIpv4(rest, "endpoints", ipv4);
                ipv4.throwIfAny();
                if (regenerate) {
                    regenerate(tx, actor, d, rest);
                }
            }
            return doomed;
        });
        for (Endpoint e : deleted) {
            ctx.health().forget(e.domain(), e.key());
        }
        ctx.publisher().reload(domains, ReloadReason.changed(regenerate ? "endpoints deleted, strategy regenerated" : "endpoints deleted"));
    }

    private void regenerate(Tx tx, String actor, String domain, List<Endpoint> rest) throws SQLException, ValidationException {
        Optional<StoredStrategy> before = tx.strategies().get(domain);
        if (rest.stream().noneMatch(Endpoint::enable)) {
            tx.strategies().delete(domain);
        } else {
            Strategy s = ctx.recommender().recommend(rest);
            tx.strategies().put(domain, new SeedJson.Document(Optional.empty(), s, rest));
        }
        Audit.record(tx, actor, "strategy.regenerate", domain,
                before.map(b -> (Object) ctx.seedJson().write(b.document())).orElse(null), "regenerated");
    }

    /** The stored endpoint whose value matches the typed text (an address in any notation, any case). */
    private static Optional<Endpoint> findLoose(Tx tx, String domain, String text) throws SQLException {
        String t = text.trim();
        for (Endpoint e : tx.endpoints().list(domain)) {
            if (e.key().equalsIgnoreCase(t) || e.key().equals(canonicalText(t))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Every row names a domain and an endpoint. */
    private static void checkRows(List<Row> rows) throws ValidationException {
        Errors errors = new Errors();
        if (rows.isEmpty()) {
            errors.add("body", "body.empty", "give at least one endpoint");
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).domain() == null || rows.get(i).domain().isBlank()) {
                errors.add("[" + i + "].domain", "domain.missing", "each endpoint needs its domain");
            }
            if (rows.get(i).input().endpoint() == null || rows.get(i).input().endpoint().isBlank()) {
                errors.add("[" + i + "].endpoint", "endpoint.missing", "each row needs its endpoint");
            }
        }
        errors.throwIfAny();
    }

    /** An address typed in any notation, in the canonical text endpoints are keyed by. */
    private static String canonicalText(String t) {
        return IpText.parse(t).map(b -> b.length == 4 ? IpText.address(b).getHostAddress() : IpText.ipv6(b))
                .orElse(t.toLowerCase(java.util.Locale.ROOT).replaceAll("\\.$", ""));
    }

    private List<Endpoint> parse(List<Row> rows) throws ValidationException {
        Errors errors = new Errors();
        List<Endpoint> out = new ArrayList<>();
        Map<String, List<Endpoint>> byDomain = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            errors.add("body", "body.empty", "give at least one endpoint");
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String p = "[" + i + "]";
            if (r.domain() == null || r.domain().isBlank()) {
                errors.add(p + ".domain", "domain.missing", "each endpoint needs its domain");
                continue;
            }
            Optional<Endpoint> e = r.input().toEndpoint(r.domain(), ctx.regions(), p, errors);
            e.ifPresent(out::add);
            e.ifPresent(x -> byDomain.computeIfAbsent(r.domain(), k -> new ArrayList<>()).add(x));
        }
        for (Map.Entry<String, List<Endpoint>> d : byDomain.entrySet()) {
            DomainRules.requireUnique(d.getValue(), "body", errors);
        }
        errors.throwIfAny();
        return out;
    }
}
