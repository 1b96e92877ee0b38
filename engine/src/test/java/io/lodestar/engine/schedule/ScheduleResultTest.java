package io.lodestar.engine.schedule;

import static io.lodestar.engine.testing.Fixtures.GROUPS;
import static io.lodestar.engine.testing.Fixtures.REGIONS;
import static io.lodestar.engine.testing.Fixtures.SEED_JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.model.Family;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.Distribution;
import io.lodestar.engine.plan.StrategyCompiler;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleResultTest {

    private static AnswerPlan plan(String scenario, Set<String> down) throws Exception {
        Path p = Path.of(ScheduleResultTest.class.getResource("/scenarios/" + scenario + "/strategy.json").toURI());
        SeedJson.Document d = SEED_JSON.read(Files.readString(p), "www.example.com");
        return new StrategyCompiler(GROUPS).compile(Fixtures.domain("www.example.com"),
                StrategyTree.resolve(d.strategy(), d.endpointsConf(), REGIONS), d.endpointsConf(), e -> !down.contains(e.key()));
    }

    @Test
    void resultEqualsWhatThePlanAnswersForEveryGroup() throws Exception {
        AnswerPlan plan = plan("06-composite-mapping-wrr", Set.of("1.1.1.1"));
        ScheduleResult r = ScheduleResult.of(plan);
        assertEquals(GROUPS.count() * Family.values().length, r.groups().size());
        for (ScheduleResult.GroupShare g : r.groups()) {
            int group = Fixtures.group(g.area() + "/" + g.isp());
            Distribution d = plan.distribution(g.family(), group, null);
            assertEquals(d.endpoints().length, g.shares().size(), g.toString());
            for (ScheduleResult.Share s : g.shares()) {
                int idx = plan.endpoints().stream().map(e -> e.key()).toList().indexOf(s.endpoint());
                assertEquals(d.shareOf(idx), s.share(), 1e-12);
            }
            assertEquals(d.failOpen(), g.failOpen());
        }
        assertEquals(1, r.failingOpen().stream().filter(g -> g.family() == Family.V4).count());
    }

    @Test
    void cidrGroupsAreListedByPrefixWhereTheyDiffer() throws Exception {
        ScheduleResult r = ScheduleResult.of(plan("08-cidr-longest-prefix", Set.of()));
        assertTrue(r.groups().stream().anyMatch(g -> g.cidr().equals("10.1.0.0/16")
                && g.shares().get(0).endpoint().equals("2.2.2.2")));
    }

    @Test
    void jsonRoundTripsAndIsStable() throws Exception {
        ScheduleJson json = new ScheduleJson();
        ScheduleResult r = ScheduleResult.of(plan("02-multi-active-wrr", Set.of()));
        String text = json.write(r);
        assertEquals(text, json.write(json.read(text)));
        assertEquals(text, json.write(ScheduleResult.of(plan("02-multi-active-wrr", Set.of()))));
        assertFalse(text.equals(json.write(ScheduleResult.of(plan("02-multi-active-wrr", Set.of("10.0.0.3"))))));
    }
}
