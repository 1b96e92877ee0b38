package io.lodestar.engine.health;

import java.util.Optional;

/**
 * One monitor point's judgement of one endpoint: a state with hysteresis over a fixed ring of the
 * last {@code window} results.
 *
 * <ul>
 *   <li>It judges {@code failing} when a failed result makes at least {@code minFailures} of the
 *       window's results failures, and {@code ok} when a successful result makes at least
 *       {@code minFailures} of them successes (the rule reversed). Only a result of the new
 *       state's kind can cause a change, so the two conditions never race.</li>
 *   <li>Before that it is {@code unknown}: the first judgement comes after {@code minFailures}
 *       failures or {@code minFailures} successes, whichever is first, at most {@code window}
 *       results in (with {@code minFailures = 1}, the first result judges).</li>
 *   <li>A change clears the window: the next change needs {@code minFailures} fresh results of
 *       the opposite kind, so old evidence never flips the point back (anti-flap by construction).</li>
 * </ul>
 * Memory is fixed: {@code window} booleans and the latest result. Not thread-safe: {@link Verdicts} guards it.
 */
final class PointWindow {

    /** A point's judgement. */
    enum Judgement { UNKNOWN, OK, FAILING }

    private final boolean[] ring;
    private final int minFailures;
    private int size;
    private int next;
    private int failures;
    private Judgement judgement;
    private Optional<ProbeResult> latest = Optional.empty();
    private String evidence = "";

    PointWindow(Rule rule, Judgement initial) {
        this.ring = new boolean[rule.window()];
        this.minFailures = rule.minFailures();
        this.judgement = initial;
    }

    /** Adds a result; true if the judgement changed. */
    boolean add(ProbeResult r, String point) {
        latest = Optional.of(r);
        boolean failed = !r.ok();
        if (size == ring.length) {
            if (ring[next]) {
                failures--;
            }
        } else {
            size++;
        }
        ring[next] = failed;
        next = (next + 1) % ring.length;
        if (failed) {
            failures++;
        }
        Judgement to = judgement;
        if (failed && failures >= minFailures) {
            to = Judgement.FAILING;
        } else if (!failed && size - failures >= minFailures) {
            to = Judgement.OK;
        }
        if (to == judgement) {
            return false;
        }
        evidence = failed
                ? failures + " of last " + size + " probes failed at " + point + ": " + r.words()
                : (size - failures) + " of last " + size + " probes succeeded at " + point;
        judgement = to;
        size = 0;
        next = 0;
        failures = 0;
        return true;
    }

    /**
     * The latest result disagrees with the judgement (a failure while not failing, a success while
     * failing) and has not changed it yet: a quick re-check would settle it sooner.
     */
    boolean undecided() {
        if (latest.isEmpty() || size == 0) {
            return false;
        }
        boolean lastFailed = !latest.get().ok();
        return lastFailed ? judgement != Judgement.FAILING : judgement == Judgement.FAILING;
    }

    Judgement judgement() {
        return judgement;
    }

    Optional<ProbeResult> latest() {
        return latest;
    }

    /** Why the judgement is what it is, in words (empty while unknown). */
    String evidence() {
        return evidence;
    }
}
