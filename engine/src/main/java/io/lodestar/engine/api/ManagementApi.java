package io.lodestar.engine.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lodestar.engine.config.DomainService;
import io.lodestar.engine.config.EndpointService;
import io.lodestar.engine.config.MailService;
import io.lodestar.engine.config.Services;
import io.lodestar.engine.config.SimulationService;
import io.lodestar.engine.config.ZoneService;
import io.lodestar.engine.notify.Notifier;
import io.lodestar.engine.model.Monitor;
import io.lodestar.engine.store.AuditEntry;
import io.lodestar.engine.store.AuditQuery;
import io.lodestar.engine.store.TokenRole;
import io.lodestar.engine.validate.EndpointInput;
import io.lodestar.engine.validate.MonitorInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The management API's routes (CONTRACT §3, the seed's OpenAPI shape). Handlers only translate
 * between JSON and the configuration services; every rule lives in the services.
 */
public final class ManagementApi {

    /** An endpoint row as the seed writes it; Lodestar adds weight, enable and evalHealth. */
    record EndpointRow(String domain, String endpoint, String type, String area, String isp, String tag,
                       Integer weight, Boolean enable, Boolean evalHealth) {
        EndpointService.Row toRow() {
            return new EndpointService.Row(domain, new EndpointInput(endpoint, type, area, isp, tag, weight, enable, evalHealth));
        }
    }

    record StatusBody(String status, Integer ttl) {
    }

    private final Services s;
    private final ApiJson json;
    private final MetricsEndpoint metrics;

    private final ZoneService zone;
    private final Notifier notifier;

    private final MailService mail;
    private final SimulationService simulation;
    private final java.util.function.Supplier<io.lodestar.engine.health.HealthMonitor> monitor;

    public ManagementApi(Services services, ApiJson json, MetricsEndpoint metrics, ZoneService zone, Notifier notifier,
                         MailService mail, SimulationService simulation,
                         java.util.function.Supplier<io.lodestar.engine.health.HealthMonitor> monitor) {
        this.monitor = monitor;
        this.mail = mail;
        this.simulation = simulation;
        this.s = services;
        this.json = json;
        this.metrics = metrics;
        this.zone = zone;
        this.notifier = notifier;
    }

    public Router router() {
        Router r = new Router();
        r.add("GET", "/v1/domains", TokenRole.READ, q -> Response.ok(s.domains().list().stream().map(Views::domain).toList()));
        r.add("POST", "/v1/domains", TokenRole.WRITE, this::createDomains);
        r.add("DELETE", "/v1/domains", TokenRole.WRITE, q -> {
            s.domains().delete(q.principal().name(), json.read(q.body(), new TypeReference<List<String>>() { }));
            return Response.okNull();
        });
        r.add("GET", "/v1/domains/{domain}", TokenRole.READ, q -> Response.ok(Views.domain(s.domains().get(q.param("domain")))));
        r.add("PUT", "/v1/domains/{domain}/status", TokenRole.WRITE, q -> {
            StatusBody b = json.read(q.body(), new TypeReference<StatusBody>() { });
            s.domains().update(q.principal().name(), q.param("domain"), b.status(), b.ttl());
            return Response.ok(Views.domain(s.domains().get(q.param("domain"))));
        });
        r.add("GET", "/v1/endpoints", TokenRole.READ, q -> {
            String d = q.queryParam("domain").orElseThrow(() -> ApiException.badRequest("InvalidParameter.domain",
                    "domain: the query parameter ?domain= is required"));
            return Response.ok(s.endpoints().list(d).stream().map(Views::endpoint).toList());
        });
        r.add("POST", "/v1/endpoints", TokenRole.WRITE, q -> {
            s.endpoints().add(q.principal().name(), rows(q));
            return Response.okNull();
        });
        r.add("PUT", "/v1/endpoints", TokenRole.WRITE, q -> {
            s.endpoints().modify(q.principal().name(), rows(q));
            return Response.okNull();
        });
        r.add("DELETE", "/v1/endpoints", TokenRole.WRITE, q -> {
            s.endpoints().delete(q.principal().name(), rows(q));
            return Response.okNull();
        });
        r.add("DELETE", "/v1/endpoints/del-with-regen-strategy", TokenRole.WRITE, q -> {
            s.endpoints().deleteWithRegeneratedStrategy(q.principal().name(), rows(q));
            return Response.okNull();
        });
        r.add("GET", "/v1/domains/{domain}/strategy", TokenRole.READ,
                q -> Response.text(s.seedJson().write(s.strategies().get(q.param("domain"))), Views.JSON));
        r.add("POST", "/v1/domains/{domain}/recommend-strategy", TokenRole.WRITE, q -> {
            s.strategies().recommend(q.principal().name(), q.param("domain"));
            return Response.okNull();
        });
        StrategyVersionRoutes.add(r, s);
        r.add("POST", "/v1/strategys/update-or-create", TokenRole.WRITE, q -> {
            s.strategies().updateOrCreate(q.principal().name(), new String(q.body(), StandardCharsets.UTF_8));
            return Response.okNull();
        });
        r.add("GET", "/v1/domains/{domain}/monitor", TokenRole.READ, q -> {
            Optional<Monitor> m = s.monitors().get(q.param("domain"));
            return Response.ok(Views.monitor(m.orElse(Monitor.defaults()), m.isPresent()));
        });
        r.add("PUT", "/v1/domains/{domain}/monitor", TokenRole.WRITE, q -> Response.ok(Views.monitor(
                s.monitors().put(q.principal().name(), q.param("domain"), json.read(q.body(), new TypeReference<MonitorInput>() { })), true)));
        r.add("POST", "/v1/domains/{domain}/simulate", TokenRole.READ, q -> Response.ok(simulation.simulate(q.param("domain"),
                json.read(q.body(), new TypeReference<SimulationService.Input>() { }))));
        r.add("GET", "/v1/whoami", TokenRole.READ, q -> Response.ok(Map.of("name", q.principal().name(),
                "role", q.principal().role().wire())));
        r.add("GET", "/v1/domains/{domain}/distribution", TokenRole.READ, q -> Response.text(s.distribution(q.param("domain")), Views.JSON));
        r.add("GET", "/v1/domains/{domain}/distribution/history", TokenRole.READ, q -> Response.ok(
                s.history(q.param("domain"), instant(q, "from", Instant.EPOCH), instant(q, "to", Instant.now().plusSeconds(1)))));
        ContactRoutes.add(r, s, json);
        ContactRoutes.addSendTest(r, notifier);
        ContactRoutes.addGroupTest(r, s, notifier);
        HealthRoutes.add(r, s, monitor);
        TrafficRoutes.add(r, s, json);
        r.add("GET", "/v1/settings/mail", TokenRole.FULL, q -> Response.ok(mail.get().orElse(null)));
        r.add("PUT", "/v1/settings/mail", TokenRole.FULL, q -> {
            mail.put(q.principal().name(), json.read(q.body(), new TypeReference<MailService.Input>() { }));
            return Response.ok(mail.get().orElse(null));
        });
        r.add("GET", "/v1/tokens", TokenRole.FULL, q -> Response.ok(s.tokens().list().stream().map(Views::token).toList()));
        r.add("POST", "/v1/tokens", TokenRole.FULL, q -> {
            Map<String, String> b = json.read(q.body(), new TypeReference<Map<String, String>>() { });
            return Response.ok(Views.issued(s.tokens().create(q.principal().name(), b.get("name"), b.get("role"))));
        });
        r.add("DELETE", "/v1/tokens/{name}", TokenRole.FULL, q -> {
            s.tokens().delete(q.principal().name(), q.param("name"));
            return Response.okNull();
        });
        r.add("GET", "/v1/audit", TokenRole.READ, this::audit);
        r.add("GET", "/v1/zone", TokenRole.READ, q -> Response.text(zone.current().orElse(""), "text/dns; charset=utf-8"));
        r.add("PUT", "/v1/zone", TokenRole.WRITE, q -> {
            zone.put(q.principal().name(), new String(q.body(), StandardCharsets.UTF_8));
            return Response.okNull();
        });
        r.add("GET", "/metrics", TokenRole.READ, q -> Response.text(metrics.scrape(), MetricsEndpoint.CONTENT_TYPE));
        return r;
    }

    private Response createDomains(Request q) throws Exception {
        List<DomainService.NewDomain> in = json.read(q.body(), new TypeReference<List<DomainService.NewDomain>>() { });
        List<Map<String, Object>> out = new ArrayList<>();
        s.domains().create(q.principal().name(), in).forEach(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", d.name());
            m.put("isItmDomain", d.itmDomain());
            out.add(m);
        });
        return Response.ok(out);
    }

    private List<EndpointService.Row> rows(Request q) throws ApiException {
        return json.read(q.body(), new TypeReference<List<EndpointRow>>() { }).stream().map(EndpointRow::toRow).toList();
    }

    private Response audit(Request q) throws ApiException {
        AuditQuery a = AuditQuery.all();
        if (q.queryParam("target").isPresent()) {
            a = a.target(q.queryParam("target").get());
        }
        if (q.queryParam("domain").filter(v -> !v.isEmpty()).isPresent()) {
            a = a.domain(q.queryParam("domain").get());
        }
        if (q.queryParam("actor").filter(v -> !v.isEmpty()).isPresent()) {
            a = a.actor(q.queryParam("actor").get());
        }
        if (q.queryParam("action").filter(v -> !v.isEmpty()).isPresent()) {
            a = a.action(q.queryParam("action").get());
        }
        if (q.queryParam("from").isPresent() || q.queryParam("to").isPresent()) {
            a = a.between(instant(q, "from", Instant.EPOCH), instant(q, "to", Instant.now().plusSeconds(1)));
        }
        int offset = intParam(q, "offset", 0);
        int limit = intParam(q, "limit", AuditQuery.DEFAULT_LIMIT);
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT || offset < 0) {
            throw ApiException.badRequest("InvalidParameter.limit", "limit must be 1–" + AuditQuery.MAX_LIMIT + " and offset ≥ 0");
        }
        List<AuditEntry> entries = s.audit(a.page(offset, limit));
        return Response.ok(entries.stream().map(Views::audit).toList());
    }

    private static int intParam(Request q, String name, int dflt) throws ApiException {
        Optional<String> v = q.queryParam(name);
        try {
            return v.isEmpty() ? dflt : Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("InvalidParameter." + name, name + ": '" + v.get() + "' is not a whole number");
        }
    }

    static Instant instant(Request q, String name, Instant dflt) throws ApiException {
        Optional<String> v = q.queryParam(name);
        if (v.isEmpty() || v.get().isEmpty()) {
            return dflt;
        }
        try {
            return v.get().chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(v.get())) : Instant.parse(v.get());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiException.badRequest("InvalidParameter." + name,
                    name + ": '" + v.get() + "' is not a time (ISO-8601 like 2026-11-23T06:22:24Z, or epoch milliseconds)");
        }
    }
}
