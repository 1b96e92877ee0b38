package io.lodestar.engine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.store.HealthEvent.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The window / minFailures / threshold rule as a table. Each row: the rule as
 * {@code window/minFailures/threshold}, each point's results in order ({@code S} ok, {@code F}
 * failed; points fed round-robin, one result each per step), the final verdict, and the verdict
 * changes on the way (which shows anti-flap: a flapping endpoint changes rarely).
 */
class VerdictsTest {

    @ParameterizedTest(name = "{0}: {1} -> {2} after {3} change(s)")
    @CsvSource(delimiter = '|', textBlock = """
            3/2/80 | p=F                   | unknown | 0
            3/2/80 | p=S                   | unknown | 0
            3/2/80 | p=SS                  | ok      | 1
            3/2/80 | p=FF                  | fail    | 1
            3/2/80 | p=SSF                 | ok      | 1
            3/2/80 | p=SSFF                | fail    | 2
            3/2/80 | p=SSFSF               | fail    | 2
            3/2/80 | p=FFS                 | fail    | 1
            3/2/80 | p=FFSS                | ok      | 2
            3/2/80 | p=FFSSF               | ok      | 2
            3/2/80 | p=FSFSFSFS            | ok      | 2
            3/2/80 | p=SSFSSFSSF           | ok      | 1
            5/3/80 | p=FF                  | unknown | 0
            5/3/80 | p=FFSFF               | fail    | 1
            5/3/80 | p=FSFSS               | ok      | 1
            5/3/80 | p=SSSFSFSF            | fail    | 2
            5/3/80 | p=SSSFSFSFSS          | fail    | 2
            5/3/80 | p=SSSFSFSFSSS         | ok      | 3
            1/1/80 | p=SF                  | fail    | 2
            1/1/80 | p=SFS                 | ok      | 3
            3/2/80 | b=SS;a=FF             | ok      | 1
            3/2/80 | a=FF;b=SS             | ok      | 2
            3/2/49 | b=SS;a=FF             | fail    | 2
            3/2/50 | b=SS;a=FF             | ok      | 1
            3/2/80 | e=SS;a=FF;b=FF;c=FF;d=FF | ok   | 1
            3/2/80 | a=FF;b=FF;c=FF;d=FF;e=FF | fail | 1
            3/2/80 | a=FF;b=F              | fail    | 1
            3/2/80 | a=SSFF;b=SSSS         | ok      | 1
            3/2/0  | a=SSFF;b=SSSS;c=SSSS  | fail    | 2
            3/2/100 | a=FF                 | ok      | 1
            """)
    void judgesByTheSeedsRule(String rule, String points, String expected, int changes) {
        String[] r = rule.split("/");
        Verdicts v = new Verdicts(new Rule(Integer.parseInt(r[0].trim()), Integer.parseInt(r[1]), Integer.parseInt(r[2])));
        Map<String, String> seqs = new LinkedHashMap<>();
        for (String p : points.split(";")) {
            String[] kv = p.trim().split("=");
            seqs.put(kv[0], kv[1]);
        }
        int longest = seqs.values().stream().mapToInt(String::length).max().orElse(0);
        List<Verdicts.Transition> seen = new ArrayList<>();
        for (int i = 0; i < longest; i++) {
            for (Map.Entry<String, String> e : seqs.entrySet()) {
                if (i < e.getValue().length()) {
                    v.observe(e.getKey(), result(e.getValue().charAt(i) == 'S')).transition().ifPresent(seen::add);
                }
            }
        }
        assertEquals(State.fromWire(expected).orElseThrow(), v.state(), () -> "transitions " + seen);
        assertEquals(changes, seen.size(), () -> "transitions " + seen);
    }

    @Test
    void asksForARecheckWhileAFailureIsUnconfirmed() {
        Verdicts v = new Verdicts(new Rule(3, 2, 80));
        assertFalse(v.observe("p", result(true)).recheck());
        assertFalse(v.observe("p", result(true)).recheck());
        Verdicts.Step first = v.observe("p", result(false));
        assertTrue(first.recheck(), "one failure: not yet decided");
        assertTrue(first.transition().isEmpty());
        Verdicts.Step second = v.observe("p", result(false));
        assertFalse(second.recheck(), "decided");
        assertEquals(State.FAIL, second.transition().orElseThrow().to());
        assertTrue(v.observe("p", result(true)).recheck(), "one success while failing: recovery not yet decided");
        Verdicts.Step back = v.observe("p", result(true));
        assertEquals(State.OK, back.transition().orElseThrow().to());
        assertFalse(back.recheck());
    }

    @Test
    void evidenceSaysHowManyProbesFailedWhereAndWhy() {
        Verdicts v = new Verdicts(new Rule(3, 2, 80));
        v.observe("none.CN/other", result(true));
        v.observe("none.CN/other", result(true));
        v.observe("none.CN/other", result(true));
        v.observe("none.CN/other", result(false));
        Verdicts.Transition t = v.observe("none.CN/other", result(false)).transition().orElseThrow();
        assertEquals(State.OK, t.from());
        assertEquals("2 of last 3 probes failed at none.CN/other: refused; 1 of 1 points failing > 80 %", t.evidence());
    }

    @Test
    void aNewRuleKeepsEachPointsJudgementAndAppliesTheNewThreshold() {
        Verdicts v = new Verdicts(new Rule(3, 2, 80));
        v.observe("a", result(false));
        v.observe("a", result(false));
        v.observe("b", result(true));
        v.observe("b", result(true));
        assertEquals(State.OK, v.state(), "1 of 2 failing is not > 80 %");
        Optional<Verdicts.Transition> t = v.rule(new Rule(5, 3, 40));
        assertEquals(State.FAIL, t.orElseThrow().to(), "1 of 2 failing is > 40 %");
        assertTrue(v.observe("a", result(true)).transition().isEmpty(), "a fresh window of 5 needs 3 successes");
    }

    @Test
    void forgettingThePointThatFailedRecoversTheEndpoint() {
        Verdicts v = new Verdicts(new Rule(3, 2, 0));
        v.observe("a", result(false));
        v.observe("a", result(false));
        v.observe("b", result(true));
        v.observe("b", result(true));
        assertEquals(State.FAIL, v.state());
        assertEquals(State.OK, v.forgetPoint("a").orElseThrow().to());
    }

    @Test
    void withThreePointsExpectedOneSilentAndOneFailingPointIsNotEnoughAtFiftyPercent() {
        Verdicts v = new Verdicts(new Rule(3, 2, 50));
        v.quorum(3);
        v.observe("beijing.CN/ct", result(false));
        v.observe("beijing.CN/ct", result(false));
        assertEquals(State.OK, v.state(), "1 failing of 3 expected points is not > 50 %, though it is the only one heard");
        assertTrue(v.evidence().endsWith("1 of 3 points failing ≤ 50 %"), v.evidence());
        v.observe("shanghai.CN/cu", result(false));
        Verdicts.Transition t = v.observe("shanghai.CN/cu", result(false)).transition().orElseThrow();
        assertEquals(State.FAIL, t.to());
        assertTrue(t.evidence().endsWith("2 of 3 points failing > 50 %"), t.evidence());
    }

    @Test
    void aLoneNodeStillJudgesByItsOwnPoint() {
        Verdicts v = new Verdicts(new Rule(3, 2, 50));
        v.quorum(3);
        v.observe("p", result(false));
        v.observe("p", result(false));
        assertEquals(State.OK, v.state());
        assertEquals(State.FAIL, v.quorum(1).orElseThrow().to(), "back to one point: its word decides");
    }

    static ProbeResult result(boolean ok) {
        Instant at = Instant.parse("2026-11-23T12:00:00Z");
        return ok ? ProbeResult.ok(at, Duration.ofMillis(3))
                : ProbeResult.failed(at, Duration.ofMillis(1), Failure.of(Failure.Kind.REFUSED));
    }
}
