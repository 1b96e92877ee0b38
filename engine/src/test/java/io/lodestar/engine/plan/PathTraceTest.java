package io.lodestar.engine.plan;

import static io.lodestar.engine.testing.Fixtures.GROUPS;
import static io.lodestar.engine.testing.Fixtures.SEED_JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.model.IpText;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The path trace runs the compiler's own evaluation: its answers are the plan's, for every group. */
class PathTraceTest {

    private static final StrategyCompiler COMPILER = new StrategyCompiler(GROUPS);

    private static SeedJson.Document scenario(String name) throws Exception {
        Path dir = Path.of(PathTraceTest.class.getResource("/scenarios/" + name).toURI());
        return SEED_JSON.read(Files.readString(dir.resolve("strategy.json")), "www.example.com");
    }

    static java.util.stream.Stream<String> scenarios() throws Exception {
        return ScenarioTest.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void traceAnswersEqualThePlanForEveryGroupFamilyAndSingleFailure(String name) throws Exception {
        SeedJson.Document doc = scenario(name);
        List<Endpoint> eps = doc.endpointsConf();
        StrategyTree tree = StrategyTree.resolve(doc.strategy(), eps, Fixtures.REGIONS);
        List<Set<String>> cases = new ArrayList<>();
        cases.add(Set.of());
        eps.forEach(e -> cases.add(Set.of(e.key())));
        cases.add(Set.copyOf(eps.stream().map(Endpoint::key).toList()));
        for (Set<String> down : cases) {
            HealthView health = e -> !down.contains(e.key());
            AnswerPlan plan = COMPILER.compile(Fixtures.domain("www.example.com"), tree, eps, health);
            for (Family f : Family.values()) {
                for (int g = 0; g < GROUPS.count(); g++) {
                    PathTrace t = COMPILER.trace(tree, eps, health, f, g, null);
                    assertEquals(answers(plan, plan.distribution(f, g, null)), t.answers(), name + " down " + down + " group " + g);
                    assertEquals(plan.distribution(f, g, null).failOpen(), t.failOpen());
                }
            }
        }
    }

    private static List<PathTrace.Answer> answers(AnswerPlan plan, Distribution d) {
        List<PathTrace.Answer> out = new ArrayList<>();
        for (int i = 0; i < d.endpoints().length; i++) {
            out.add(new PathTrace.Answer(plan.endpoint(d.endpoints()[i]).key(), d.shares()[i]));
        }
        return out;
    }

    @Test
    void beijingUsersPassTheDeadBeijingEndpointAndReachShanghai() throws Exception {
        SeedJson.Document doc = scenario("03-nearest-with-failover");
        StrategyTree tree = StrategyTree.resolve(doc.strategy(), doc.endpointsConf(), Fixtures.REGIONS);
        PathTrace t = COMPILER.trace(tree, doc.endpointsConf(), e -> !e.key().equals("1.1.1.1"), Family.V4,
                Fixtures.group("beijing.CN/ct"), null);
        assertEquals(PathTrace.State.ALIVE, t.step("就近接入").orElseThrow().state());
        assertEquals(1.0, t.step("就近接入").orElseThrow().share(), 1e-9);
        assertEquals(PathTrace.State.DEAD, t.step("就近接入/1.1.1.1").orElseThrow().state());
        assertEquals(1.0, t.step("就近接入/2.2.2.2").orElseThrow().share(), 1e-9);
        assertEquals(0.0, t.step("就近接入/3.3.3.3").orElseThrow().share(), 1e-9);
        assertEquals(List.of("就近接入", "就近接入/2.2.2.2"), t.path().stream().map(PathTrace.Step::node).toList());
        assertFalse(t.failOpen());
    }

    @Test
    void sharesSplitDownAThreeLevelTreeAndAClientAddressSelectsCidrItems() throws Exception {
        SeedJson.Document doc = scenario("06-composite-mapping-wrr");
        StrategyTree tree = StrategyTree.resolve(doc.strategy(), doc.endpointsConf(), Fixtures.REGIONS);
        PathTrace t = COMPILER.trace(tree, doc.endpointsConf(), HealthView.ALL_UP, Family.V4, Fixtures.group("beijing.CN/ct"), null);
        double leaves = t.steps().stream().filter(PathTrace.Step::endpoint).mapToDouble(PathTrace.Step::share).sum();
        assertEquals(1.0, leaves, 1e-9);
        assertEquals(1.0, t.steps().get(0).share(), 1e-9);
        SeedJson.Document cidr = scenario("08-cidr-longest-prefix");
        StrategyTree ct = StrategyTree.resolve(cidr.strategy(), cidr.endpointsConf(), Fixtures.REGIONS);
        byte[] client = IpText.parse("10.1.2.3").orElseThrow();
        int g = Fixtures.group("guangdong.CN/ct");
        AnswerPlan plan = COMPILER.compile(Fixtures.domain("www.example.com"), ct, cidr.endpointsConf(), HealthView.ALL_UP);
        PathTrace byIp = COMPILER.trace(ct, cidr.endpointsConf(), HealthView.ALL_UP, Family.V4, g, client);
        assertEquals(answers(plan, plan.distribution(Family.V4, g, client)), byIp.answers());
        assertTrue(byIp.path().size() >= 2);
    }
}
