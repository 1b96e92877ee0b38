package io.lodestar.engine.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.plan.HealthView;
import io.lodestar.engine.plan.PathTrace;
import io.lodestar.engine.plan.StrategyCompiler;
import io.lodestar.engine.schedule.ScheduleJson;
import io.lodestar.engine.schedule.ScheduleResult;
import io.lodestar.engine.strategy.Strategy;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.validate.ValidationError;
import io.lodestar.engine.traffic.TrafficCompiler;
import io.lodestar.engine.traffic.TrafficStore;
import java.util.Set;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.model.IpText;
import io.lodestar.engine.node.DomainEntry;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.Distribution;
import io.lodestar.engine.plan.UserGroups;
import io.lodestar.engine.node.Snapshot;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationException;
import io.lodestar.resources.ip.IpLocation;
import io.lodestar.resources.ip.IpLocator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/domains/{domain}/simulate}: what a user group (or a client address) is answered,
 * and the path through the tree. Without what-if the answers are read off the very plan DNS answers
 * from; with failed endpoints or a draft they come from {@link StrategyCompiler#trace}, which runs
 * the compiler's own evaluation (one code path with the plan, the resolver and the schedule result).
 */
public final class SimulationService {

    /**
     * A client by address, or a user group by area and ISP; family A (default) or AAAA. What-if:
     * {@code failed} endpoints count as down; {@code draft} (a strategy document in the seed's JSON)
     * is simulated instead of the live strategy; {@code all} adds the whole schedule result.
     */
    public record Input(String ip, String area, String isp, String family, List<String> failed,
                        com.fasterxml.jackson.databind.JsonNode draft, Boolean all) {
        public Input(String ip, String area, String isp, String family) {
            this(ip, area, isp, family, null, null, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Context ctx;
    private final IpLocator locator;
    private final StrategyCompiler compiler;
    private final ScheduleJson scheduleJson = new ScheduleJson();

    public SimulationService(Context ctx, IpLocator locator) {
        this.ctx = ctx;
        this.locator = locator;
        this.compiler = new StrategyCompiler(new UserGroups(ctx.regions()));
    }

    public Map<String, Object> simulate(String domain, Input in) throws ValidationException, NotFound, JsonProcessingException {
        Domain d = Changes.read(ctx, tx -> DomainService.require(tx, domain));
        Errors errors = new Errors();
        Family family = Family.V4;
        if (in.family() != null && !in.family().equalsIgnoreCase("A")) {
            if (in.family().equalsIgnoreCase("AAAA")) {
                family = Family.V6;
            } else {
                errors.add("family", "family.unknown", "family must be A or AAAA, was '" + in.family() + "'");
            }
        }
        String area = in.area();
        String isp = in.isp() == null ? "other" : in.isp();
        byte[] client = null;
        if (in.ip() != null && !in.ip().isBlank()) {
            Optional<byte[]> b = IpText.parse(in.ip().trim());
            if (b.isEmpty()) {
                errors.add("ip", "ip.invalid", "'" + in.ip() + "' is not an IP address");
            } else {
                client = b.get();
                IpLocation l = locator.locate(IpText.address(client));
                area = l.area();
                isp = l.isp();
            }
        } else if (area == null) {
            errors.add("area", "area.missing", "give a client ip, or an area (and isp)");
        }
        if (area != null && ctx.regions().area(area).filter(a -> a.kind().leaf()).isEmpty()) {
            errors.add("area", "area.unknown", "unknown area '" + area + "' (a province, none.CN, a country, none.abroad …)");
        }
        if (ctx.regions().isp(isp).isEmpty()) {
            errors.add("isp", "isp.unknown", "unknown isp '" + isp + "'");
        }
        Set<String> failed = in.failed() == null ? Set.of() : Set.copyOf(in.failed());
        boolean whatIf = in.draft() != null || !failed.isEmpty();
        errors.throwIfAny();
        What what = what(d, in, failed);
        DomainEntry entry = ctx.publisher().current().lookup(Snapshot.normalise(d.accessName(ctx.zone())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("domain", domain);
        out.put("area", area);
        out.put("isp", isp);
        out.put("family", family == Family.V4 ? "A" : "AAAA");
        out.put("status", d.status().wire());
        List<Object> answers = new ArrayList<>();
        boolean failOpen = false;
        Optional<PathTrace> trace = Optional.empty();
        if (what.tree().isPresent()) {
            int group = compiler.groups().index(ctx.regions().requireArea(area).index(), ctx.regions().requireIsp(isp).index());
            trace = Optional.of(compiler.trace(what.tree().get(), what.endpoints(), what.health(), family, group, client));
        }
        if (whatIf) {
            trace.ifPresent(t -> t.answers().forEach(a -> answers.add(Map.of("endpoint", a.endpoint(), "share", a.share()))));
            failOpen = trace.map(PathTrace::failOpen).orElse(false);
        } else if (entry != null) {
            AnswerPlan plan = entry.plan();
            UserGroups groups = plan.groups();
            int group = groups.index(ctx.regions().requireArea(area).index(), ctx.regions().requireIsp(isp).index());
            Distribution dist = plan.distribution(family, group, client);
            failOpen = dist.failOpen();
            for (int i = 0; i < dist.endpoints().length; i++) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("endpoint", plan.endpoint(dist.endpoints()[i]).key());
                a.put("share", dist.shares()[i]);
                answers.add(a);
            }
        }
        out.put("answers", answers);
        out.put("failOpen", failOpen);
        out.put("trace", trace.map(t -> t.steps().stream().map(SimulationService::step).toList()).orElse(List.of()));
        if (Boolean.TRUE.equals(in.all())) {
            ScheduleResult r = what.tree().isPresent()
                    ? ScheduleResult.of(compiler.compile(d, what.tree().get(), what.endpoints(), what.health()))
                    : new ScheduleResult(domain, List.of());
            out.put("distribution", JSON.readTree(scheduleJson.write(r)));
        }
        return out;
    }

    /** The tree, endpoints and health a simulation evaluates: the live ones, or the draft and the what-if failures. */
    private record What(Optional<StrategyTree> tree, List<Endpoint> endpoints, HealthView health) {
    }

    private What what(Domain d, Input in, Set<String> failed) throws ValidationException, NotFound {
        List<Endpoint> endpoints = Changes.read(ctx, tx -> tx.endpoints().list(d.name()));
        Errors errors = new Errors();
        List<String> keys = endpoints.stream().map(Endpoint::key).toList();
        int i = 0;
        for (String f : in.failed() == null ? List.<String>of() : in.failed()) {
            if (!keys.contains(f)) {
                errors.add("failed[" + i + "]", "endpoint.unknown", "failed[" + i + "]: '" + f + "' is not an endpoint of " + d.name());
            }
            i++;
        }
        errors.throwIfAny();
        Strategy strategy;
        if (in.draft() != null) {
            try {
                strategy = ctx.seedJson().read(in.draft().toString(), d.name()).strategy();
            } catch (ValidationException e) {
                throw new ValidationException(e.errors().stream()
                        .map(v -> new ValidationError("draft." + v.path(), v.rule(), "draft." + v.message())).toList());
            }
        } else {
            // the tree the domain is answered by: its providers' or pools' when they replace the stored one
            strategy = Changes.read(ctx, tx -> TrafficCompiler.effectiveStrategy(TrafficStore.load(tx, d.name()),
                    tx.strategies().get(d.name()).map(s -> s.document().strategy()).orElse(new Strategy("", List.of())),
                    ctx.regions()));
        }
        HealthView live = ctx.health().view(d.name());
        HealthView health = e -> !failed.contains(e.key()) && live.up(e);
        if (strategy.rules().isEmpty()) {
            return new What(Optional.empty(), endpoints, health);
        }
        try {
            return new What(Optional.of(StrategyTree.resolve(strategy, endpoints, ctx.regions())), endpoints, health);
        } catch (ValidationException e) {
            throw new ValidationException(e.errors().stream()
                    .map(v -> new ValidationError("draft." + v.path(), v.rule(), "draft." + v.message())).toList());
        }
    }

    private static Map<String, Object> step(PathTrace.Step s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", s.node());
        m.put("parent", s.parent());
        m.put("kind", s.endpoint() ? "endpoint" : "rule");
        m.put("state", s.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("share", s.share());
        return m;
    }
}
