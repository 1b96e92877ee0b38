package io.lodestar.engine.traffic;

import static io.lodestar.engine.traffic.TrafficFixtures.COMPILER;
import static io.lodestar.engine.traffic.TrafficFixtures.a;
import static io.lodestar.engine.traffic.TrafficFixtures.down;
import static io.lodestar.engine.traffic.TrafficFixtures.pool;
import static io.lodestar.engine.traffic.TrafficFixtures.shares;
import static io.lodestar.engine.traffic.TrafficFixtures.v4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.HealthView;
import io.lodestar.engine.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** IGTM address pools: tiers, minimum healthy members, effective weights, all-down policies, TTL shortening. */
class AddressPoolsTest {

    private static final List<Endpoint> EPS = List.of(a("10.0.0.1"), a("10.0.0.2"), a("10.0.0.3"), a("10.0.1.1"),
            a("10.0.1.2"), a("10.0.9.9"));

    /** Tier 1: pool p1 (weight 3: .1×1, .2×3) and pool p2 (weight 1: .3×2); tier 2: b (.1.1, .1.2, min 2); fallback: .9.9. */
    private static TrafficPolicy policy(AllDown allDown, int downTtl, int minHealthyP1) {
        return new TrafficPolicy(allDown, downTtl, false, List.of(
                pool("p1", 1, 3, minHealthyP1, "10.0.0.1*1", "10.0.0.2*3"),
                pool("p2", 1, 1, 1, "10.0.0.3*2"),
                pool("b", 2, 1, 2, "10.0.1.1", "10.0.1.2"),
                pool("sorry", Pool.FALLBACK_TIER, 1, 1, "10.0.9.9")));
    }

    private static AnswerPlan compile(TrafficPolicy p, HealthView health) {
        return COMPILER.compile(Fixtures.domain(TrafficFixtures.DOMAIN), Optional.empty(), EPS, health,
                new TrafficConfig(p, Optional.empty(), Optional.empty(), Set.of()));
    }

    @Test
    void effectiveWeightIsPoolWeightTimesAddressWeight() {
        // p1: 3×1, 3×3; p2: 1×2 → 3 : 9 : 2 of 14
        Map<String, Double> s = shares(compile(policy(AllDown.FAIL_OPEN, 0, 1), HealthView.ALL_UP), "beijing.CN/ct");
        assertEquals(Map.of("10.0.0.1", 0.2143, "10.0.0.2", 0.6429, "10.0.0.3", 0.1429), s);
    }

    @Test
    void everyUserGroupGetsTheSameAnswerFromPools() {
        AnswerPlan plan = compile(policy(AllDown.FAIL_OPEN, 0, 1), HealthView.ALL_UP);
        assertEquals(shares(plan, "beijing.CN/ct"), shares(plan, "none.abroad/other"));
    }

    @Test
    void aPoolBelowItsMinimumHealthyMembersIsDownAndItsTierPartnerTakesAll() {
        // p1 needs 2 healthy; with .1 down it is down: p2 alone answers tier 1
        assertEquals(Map.of("10.0.0.3", 1.0),
                shares(compile(policy(AllDown.FAIL_OPEN, 0, 2), down("10.0.0.1")), "beijing.CN/ct"));
        // with minHealthy 1, p1 answers its healthy member only: 3×3 : 1×2
        assertEquals(Map.of("10.0.0.2", 0.8182, "10.0.0.3", 0.1818),
                shares(compile(policy(AllDown.FAIL_OPEN, 0, 1), down("10.0.0.1")), "beijing.CN/ct"));
    }

    @Test
    void theNextTierAnswersWhenEveryPoolOfTheFirstIsDown() {
        assertEquals(Map.of("10.0.1.1", 0.5, "10.0.1.2", 0.5),
                shares(compile(policy(AllDown.FAIL_OPEN, 0, 1), down("10.0.0.1", "10.0.0.2", "10.0.0.3")), "beijing.CN/ct"));
    }

    @Test
    void aTierPoolNeedingTwoHealthyMembersIsDownWithOne() {
        AnswerPlan plan = compile(policy(AllDown.FAIL_OPEN, 0, 1), down("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.1.1"));
        // tier 2 pool b has 1 of 2 needed: all down → fail open on tier 1 as if all were up
        assertTrue(v4(plan, "beijing.CN/ct").failOpen());
        assertEquals(Map.of("10.0.0.1", 0.2143, "10.0.0.2", 0.6429, "10.0.0.3", 0.1429), shares(plan, "beijing.CN/ct"));
    }

    @Test
    void allDownFallbackAnswersTheFallbackPool() {
        AnswerPlan plan = compile(policy(AllDown.FALLBACK, 0, 1), down("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.1.1"));
        assertEquals(Map.of("10.0.9.9", 1.0), shares(plan, "beijing.CN/ct"));
        assertTrue(v4(plan, "beijing.CN/ct").failOpen(), "still all-down for the alert");
    }

    @Test
    void allDownServfailAnswersNothingAndSaysSo() {
        AnswerPlan plan = compile(policy(AllDown.SERVFAIL, 0, 1), down("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.1.1"));
        assertTrue(v4(plan, "beijing.CN/ct").servfail());
        assertTrue(v4(plan, "beijing.CN/ct").isEmpty());
    }

    @Test
    void allDownPolicyDoesNothingWhileSomethingIsUp() {
        AnswerPlan plan = compile(policy(AllDown.SERVFAIL, 0, 1), down("10.0.0.1", "10.0.0.2", "10.0.0.3"));
        assertFalse(v4(plan, "beijing.CN/ct").servfail());
        assertEquals(Map.of("10.0.1.1", 0.5, "10.0.1.2", 0.5), shares(plan, "beijing.CN/ct"));
    }

    @Test
    void ttlIsShortenedWhileAnyCandidateIsDown() {
        assertEquals(60, compile(policy(AllDown.FAIL_OPEN, 10, 1), HealthView.ALL_UP).domain().ttl());
        assertEquals(10, compile(policy(AllDown.FAIL_OPEN, 10, 1), down("10.0.1.2")).domain().ttl());
        // the fallback pool is not a candidate, and 0 means never shorten
        assertEquals(60, compile(policy(AllDown.FAIL_OPEN, 10, 1), down("10.0.9.9")).domain().ttl());
        assertEquals(60, compile(policy(AllDown.FAIL_OPEN, 0, 1), down("10.0.1.2")).domain().ttl());
    }

    @Test
    void answerAllMarksThePlanAndKeepsTheHealthyMembers() {
        TrafficPolicy p = policy(AllDown.FAIL_OPEN, 0, 1);
        TrafficPolicy all = new TrafficPolicy(p.allDown(), p.downTtl(), true, p.pools());
        AnswerPlan plan = compile(all, down("10.0.0.2"));
        assertTrue(plan.answersAll());
        assertFalse(compile(p, down("10.0.0.2")).answersAll());
        assertEquals(Set.of("10.0.0.1", "10.0.0.3"), shares(plan, "beijing.CN/ct").keySet());
    }

    @Test
    void aDrillTakesItsEndpointsOutAsIfDown() {
        AnswerPlan plan = COMPILER.compile(Fixtures.domain(TrafficFixtures.DOMAIN), Optional.empty(), EPS,
                HealthView.ALL_UP, new TrafficConfig(policy(AllDown.FAIL_OPEN, 0, 1), Optional.empty(),
                        Optional.empty(), Set.of("10.0.0.1", "10.0.0.2", "10.0.0.3")));
        assertEquals(Map.of("10.0.1.1", 0.5, "10.0.1.2", 0.5), shares(plan, "beijing.CN/ct"));
    }
}
