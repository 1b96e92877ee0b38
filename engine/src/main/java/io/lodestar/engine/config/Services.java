package io.lodestar.engine.config;

import io.lodestar.engine.schedule.ScheduleJson;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.store.AuditEntry;
import io.lodestar.engine.store.AuditQuery;
import io.lodestar.engine.store.HistoryRange;
import io.lodestar.engine.store.HistoryRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every configuration service of a node, built once over one {@link Context}. */
public final class Services {

    private final Context ctx;
    private final DomainService domains;
    private final EndpointService endpoints;
    private final StrategyService strategies;
    private final MonitorService monitors;
    private final ContactService contacts;
    private final TokenService tokens;
    private final TrafficService traffic;
    private final ScheduleJson scheduleJson = new ScheduleJson();

    public Services(Context ctx) {
        this(ctx, alert -> { });
    }

    /** {@code alerts}: where traffic operations (drills) send their alerts. */
    public Services(Context ctx, java.util.function.Consumer<io.lodestar.engine.notify.Alert> alerts) {
        this.ctx = ctx;
        this.traffic = new TrafficService(ctx, alerts);
        this.domains = new DomainService(ctx);
        this.endpoints = new EndpointService(ctx);
        this.strategies = new StrategyService(ctx);
        this.monitors = new MonitorService(ctx);
        this.contacts = new ContactService(ctx);
        this.tokens = new TokenService(ctx);
    }

    public DomainService domains() {
        return domains;
    }

    public EndpointService endpoints() {
        return endpoints;
    }

    public StrategyService strategies() {
        return strategies;
    }

    public MonitorService monitors() {
        return monitors;
    }

    public ContactService contacts() {
        return contacts;
    }

    public TrafficService traffic() {
        return traffic;
    }

    public TokenService tokens() {
        return tokens;
    }

    public SeedJson seedJson() {
        return ctx.seedJson();
    }

    /** The current schedule result of a domain as JSON (read off the plan in force). */
    public String distribution(String domain) throws NotFound {
        domains.get(domain);
        return ctx.publisher().result(domain).map(scheduleJson::write)
                .orElseThrow(() -> DomainService.notFound(domain));
    }

    /**
     * Schedule-result history: the row in force at {@code from} and every change until {@code to},
     * each with its time, reason and result.
     */
    public Map<String, Object> history(String domain, Instant from, Instant to) throws NotFound {
        domains.get(domain);
        HistoryRange range = ctx.store().read(tx -> tx.history().range(domain, from, to));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("domain", domain);
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("before", range.before().map(this::row).orElse(null));
        List<Object> rows = new ArrayList<>();
        range.rows().forEach(r -> rows.add(row(r)));
        out.put("rows", rows);
        return out;
    }

    private Map<String, Object> row(HistoryRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", r.at().toString());
        m.put("reason", r.reason());
        m.put("result", new com.fasterxml.jackson.databind.ObjectMapper().convertValue(
                readTree(r.resultJson()), Object.class));
        return m;
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored history row is not JSON", e);
        }
    }

    public List<AuditEntry> audit(AuditQuery q) {
        return ctx.store().read(tx -> tx.audit().list(q));
    }
}
