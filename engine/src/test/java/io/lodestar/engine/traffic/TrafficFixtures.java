package io.lodestar.engine.traffic;

import static io.lodestar.engine.testing.Fixtures.GROUPS;
import static io.lodestar.engine.testing.Fixtures.REGIONS;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.Distribution;
import io.lodestar.engine.plan.HealthView;
import io.lodestar.engine.plan.StrategyCompiler;
import io.lodestar.engine.testing.Fixtures;
import io.lodestar.engine.validate.EndpointInput;
import io.lodestar.engine.validate.Errors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Endpoints, health and share read-outs for the traffic rule tests. */
final class TrafficFixtures {

    static final String DOMAIN = "www.example.com";
    static final TrafficCompiler COMPILER = new TrafficCompiler(new StrategyCompiler(GROUPS));

    private TrafficFixtures() {
    }

    static Endpoint a(String ip) {
        return endpoint(ip, "A");
    }

    static Endpoint cname(String name) {
        return endpoint(name, "CNAME");
    }

    private static Endpoint endpoint(String value, String type) {
        return new EndpointInput(value, type, "beijing.CN", "ct", null, 1, true, true)
                .toEndpoint(DOMAIN, REGIONS, "ep", new Errors()).orElseThrow();
    }

    /** Everything up except these endpoint values. */
    static HealthView down(String... values) {
        Set<String> d = Set.of(values);
        return e -> !d.contains(e.key());
    }

    /** Endpoint value → share for the IPv4 answers of one group ({@code area/isp}). */
    static Map<String, Double> shares(AnswerPlan plan, String group) {
        Distribution d = plan.distribution(Family.V4, Fixtures.group(group), null);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < d.endpoints().length; i++) {
            out.put(plan.endpoint(d.endpoints()[i]).key(), Math.round(d.shares()[i] * 10_000) / 10_000.0);
        }
        return out;
    }

    static Distribution v4(AnswerPlan plan, String group) {
        return plan.distribution(Family.V4, Fixtures.group(group), null);
    }

    static Pool pool(String name, int tier, int weight, int minHealthy, String... membersAndWeights) {
        List<Pool.Member> members = new java.util.ArrayList<>();
        for (String m : membersAndWeights) {
            String[] p = m.split("\\*");
            members.add(new Pool.Member(p[0], p.length > 1 ? Integer.parseInt(p[1]) : 1));
        }
        return new Pool(name, tier, weight, minHealthy, members);
    }
}
