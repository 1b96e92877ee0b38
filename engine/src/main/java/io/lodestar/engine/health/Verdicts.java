package io.lodestar.engine.health;

import io.lodestar.engine.store.HealthEvent.State;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One endpoint's verdict over every monitor point that observes it (the seed's rule, CONTRACT §5).
 *
 * <p>Each point judges by {@link PointWindow} (window / minFailures, with hysteresis). The
 * endpoint is {@code fail} when more than {@code threshold} % of the points that have judged it
 * see it failing, {@code ok} when not, and {@code unknown} while no point has judged. Points that
 * are still {@code unknown} do not count either way. With one point and threshold 80: that point
 * decides. Threshold 100 never fails an endpoint; threshold 0 fails it when any point sees it failing.
 *
 * <p>Observations are keyed by point id (the node's site, e.g. {@code none.CN/other}), so remote
 * points' results can be fed in beside the local ones. Thread-safe.
 */
public final class Verdicts {

    /** The overall verdict changed. */
    public record Transition(State from, State to, String evidence) {
    }

    /**
     * What one observation did.
     *
     * @param recheck    the point's latest result disagrees with its judgement but has not changed
     *                   it yet: probe again soon rather than a full interval later
     * @param transition the endpoint's verdict changed
     */
    public record Step(boolean recheck, Optional<Transition> transition) {
    }

    private final Map<String, PointWindow> points = new TreeMap<>();
    private Rule rule;
    private int quorum = 1;
    private State state = State.UNKNOWN;
    private String evidence = "";

    public Verdicts(Rule rule) {
        this.rule = rule;
    }

    /** Feeds one point's result. */
    public synchronized Step observe(String point, ProbeResult result) {
        PointWindow w = points.computeIfAbsent(point, p -> new PointWindow(rule, PointWindow.Judgement.UNKNOWN));
        boolean pointChanged = w.add(result, point);
        Optional<Transition> t = pointChanged ? reconsider(w.evidence()) : Optional.empty();
        return new Step(w.undecided(), t);
    }

    /** A point no longer observes (e.g. its node left): its judgement stops counting. */
    public synchronized Optional<Transition> forgetPoint(String point) {
        return points.remove(point) == null ? Optional.empty() : reconsider(point + " no longer observes");
    }

    /**
     * How many monitor points the deployment has (ADR 0007): the threshold's denominator is at least
     * this, so points that are silent (unreachable, not yet judged) count as not failing and no
     * single point can fail an endpoint when the threshold needs more. 1 for a lone node.
     */
    public synchronized Optional<Transition> quorum(int points) {
        int q = Math.max(1, points);
        if (q == quorum) {
            return Optional.empty();
        }
        quorum = q;
        return reconsider(q + " monitor points expected");
    }

    /**
     * New window, minFailures or threshold: each point keeps its judgement and starts a fresh window
     * of the new size; the verdict is re-evaluated against the new threshold.
     */
    public synchronized Optional<Transition> rule(Rule r) {
        if (r.equals(rule)) {
            return Optional.empty();
        }
        rule = r;
        points.replaceAll((p, w) -> new PointWindow(r, w.judgement()));
        return reconsider("monitor changed");
    }

    private Optional<Transition> reconsider(String why) {
        int judged = 0;
        int failing = 0;
        for (PointWindow w : points.values()) {
            if (w.judgement() != PointWindow.Judgement.UNKNOWN) {
                judged++;
            }
            if (w.judgement() == PointWindow.Judgement.FAILING) {
                failing++;
            }
        }
        State to;
        String tally;
        if (judged == 0) {
            to = State.UNKNOWN;
            tally = "no point has judged";
        } else if (failing * 100L > (long) rule.threshold() * Math.max(judged, quorum)) {
            to = State.FAIL;
            tally = failing + " of " + Math.max(judged, quorum) + " points failing > " + rule.threshold() + " %";
        } else {
            to = State.OK;
            tally = failing + " of " + Math.max(judged, quorum) + " points failing ≤ " + rule.threshold() + " %";
        }
        String ev = why + "; " + tally;
        if (to == state) {
            if (to != State.UNKNOWN) {
                evidence = ev;              // same verdict, new tally: say so
            }
            return Optional.empty();
        }
        Transition t = new Transition(state, to, ev);
        state = to;
        evidence = ev;
        return Optional.of(t);
    }

    public synchronized State state() {
        return state;
    }

    /** Why the current verdict, in words (empty while unknown and never judged). */
    public synchronized String evidence() {
        return evidence;
    }

    /** Each point's latest result, by point id. */
    public synchronized Map<String, ProbeResult> latest() {
        Map<String, ProbeResult> m = new LinkedHashMap<>();
        points.forEach((p, w) -> w.latest().ifPresent(r -> m.put(p, r)));
        return m;
    }
}
