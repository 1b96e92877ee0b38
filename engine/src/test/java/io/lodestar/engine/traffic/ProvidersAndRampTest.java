package io.lodestar.engine.traffic;

import static io.lodestar.engine.traffic.TrafficFixtures.COMPILER;
import static io.lodestar.engine.traffic.TrafficFixtures.cname;
import static io.lodestar.engine.traffic.TrafficFixtures.down;
import static io.lodestar.engine.traffic.TrafficFixtures.shares;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.HealthView;
import io.lodestar.engine.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** EdgeOne multi-CDN providers (finer region wins, enable/disable) and gray-migration shares. */
class ProvidersAndRampTest {

    private static final List<Endpoint> EPS = List.of(cname("site.eo.dnse1.com"), cname("origin.example.com"),
            cname("a.cdn-a.net"), cname("b.cdn-b.net"));

    /** EdgeOne's example: Beijing → origin, mainland → provider A, default → provider B (default provider EdgeOne unused). */
    private static Providers edgeOneExample(boolean enable) {
        return new Providers(enable, "b", List.of(
                new Providers.Provider("edgeone", "site.eo.dnse1.com"),
                new Providers.Provider("origin", "origin.example.com"),
                new Providers.Provider("a", "a.cdn-a.net"),
                new Providers.Provider("b", "b.cdn-b.net")), List.of(
                new Providers.RegionRule("mainland.CN/*", List.of(new Providers.Target("a", 1))),
                new Providers.RegionRule("beijing.CN/*", List.of(new Providers.Target("origin", 1)))));
    }

    private static AnswerPlan compile(Providers p, Optional<Ramp> ramp, HealthView health) {
        return COMPILER.compile(Fixtures.domain(TrafficFixtures.DOMAIN), Optional.empty(), EPS, health,
                new TrafficConfig(TrafficPolicy.DEFAULT, Optional.of(p), ramp, Set.of()));
    }

    @Test
    void beijingBeatsMainlandBeatsTheDefault() {
        AnswerPlan plan = compile(edgeOneExample(true), Optional.empty(), HealthView.ALL_UP);
        for (String isp : List.of("ct", "cu", "cm", "other")) {
            assertEquals(Map.of("origin.example.com", 1.0), shares(plan, "beijing.CN/" + isp), "beijing/" + isp);
            assertEquals(Map.of("a.cdn-a.net", 1.0), shares(plan, "guangdong.CN/" + isp), "guangdong/" + isp);
            assertEquals(Map.of("a.cdn-a.net", 1.0), shares(plan, "none.CN/" + isp), "other mainland/" + isp);
        }
        assertEquals(Map.of("b.cdn-b.net", 1.0), shares(plan, "us.abroad/other"));
        assertEquals(Map.of("b.cdn-b.net", 1.0), shares(plan, "hongkong.CN/other"));
    }

    @Test
    void provinceAndIspRuleBeatsTheProvinceAndWeightsSplitProviders() {
        Providers p = new Providers(true, "edgeone", edgeOneExample(true).providers(), List.of(
                new Providers.RegionRule("guangdong.CN/*", List.of(new Providers.Target("a", 1))),
                new Providers.RegionRule("guangdong.CN/cm", List.of(new Providers.Target("a", 1), new Providers.Target("b", 3))),
                new Providers.RegionRule("*/cu", List.of(new Providers.Target("origin", 1)))));
        AnswerPlan plan = compile(p, Optional.empty(), HealthView.ALL_UP);
        assertEquals(Map.of("a.cdn-a.net", 0.25, "b.cdn-b.net", 0.75), shares(plan, "guangdong.CN/cm"));
        assertEquals(Map.of("a.cdn-a.net", 1.0), shares(plan, "guangdong.CN/cu"), "the province beats the ISP alone");
        assertEquals(Map.of("origin.example.com", 1.0), shares(plan, "hunan.CN/cu"));
        assertEquals(Map.of("site.eo.dnse1.com", 1.0), shares(plan, "hunan.CN/ct"));
    }

    @Test
    void aDisabledPolicySendsEveryoneToTheDefaultProvider() {
        AnswerPlan plan = compile(edgeOneExample(false), Optional.empty(), HealthView.ALL_UP);
        assertEquals(Map.of("b.cdn-b.net", 1.0), shares(plan, "beijing.CN/ct"));
        assertEquals(Map.of("b.cdn-b.net", 1.0), shares(plan, "guangdong.CN/ct"));
    }

    static Ramp ramp(String usersets, int step) {
        return new Ramp("a", "b", usersets, List.of(1, 5, 25, 100), 60, 0, Ramp.Status.RUNNING, step, step - 1,
                "2026-11-23T00:00:00Z", List.of());
    }

    @Test
    void aRampMovesItsStepShareFromAToBForItsUsersOnly() {
        int[] expected = {1, 5, 25, 100};
        for (int step = 0; step < 4; step++) {
            AnswerPlan plan = compile(edgeOneExample(true), Optional.of(ramp("guangdong.CN/*", step)), HealthView.ALL_UP);
            double b = expected[step] / 100.0;
            Map<String, Double> want = b == 1.0 ? Map.of("b.cdn-b.net", 1.0) : Map.of("a.cdn-a.net", 1 - b, "b.cdn-b.net", b);
            assertEquals(want, shares(plan, "guangdong.CN/ct"), "step " + step);
            assertEquals(Map.of("a.cdn-a.net", 1.0), shares(plan, "hunan.CN/ct"), "not in the ramp's users");
            assertEquals(Map.of("origin.example.com", 1.0), shares(plan, "beijing.CN/ct"), "A gets no Beijing users");
        }
    }

    @Test
    void aRampBeforeItsFirstStepChangesNothing() {
        assertEquals(Map.of("a.cdn-a.net", 1.0),
                shares(compile(edgeOneExample(true), Optional.of(ramp("", -1)), HealthView.ALL_UP), "guangdong.CN/ct"));
    }

    @Test
    void aRampNeverSendsUsersToADownTarget() {
        AnswerPlan plan = compile(edgeOneExample(true), Optional.of(ramp("", 2)), down("b.cdn-b.net"));
        assertEquals(Map.of("a.cdn-a.net", 1.0), shares(plan, "guangdong.CN/ct"));
    }
}
