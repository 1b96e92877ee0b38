package io.lodestar.engine.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A gray migration (EdgeOne 灰度迁移): a share of the users moves from {@code from} to {@code to}
 * in steps (e.g. 1 → 5 → 25 → 100 %), each held for {@code holdSeconds} while the health gate
 * holds ({@code to} is up and, if {@code maxLatencyMs} &gt; 0, its probe latency stays under it).
 * A failing gate rolls back to the last good step. The state and the timeline are part of the
 * value: the controller replaces it, the compiler reads {@link #percent()}.
 *
 * @param from       a provider's name or an endpoint's value that gives users away
 * @param to         a provider's name or an endpoint's value that takes them
 * @param usersets   whose users move (CONTRACT §2 terms); empty = every user
 * @param step       index of the step in force, -1 before the first (0 %)
 * @param lastGood   index of the last step that held its time with the gate open, -1 if none
 * @param stepSince  when the step in force began (ISO-8601), the hold timer's start
 */
public record Ramp(String from, String to, String usersets, List<Integer> steps, int holdSeconds, int maxLatencyMs,
                   Status status, int step, int lastGood, String stepSince, List<Event> timeline) {

    /** At most this many timeline events are kept (the oldest go first). */
    public static final int MAX_TIMELINE = 200;

    public enum Status { RUNNING, PAUSED, DONE, ROLLED_BACK }

    /** One entry of the timeline. */
    public record Event(String at, String event, int step, int percent, String detail) {
    }

    public Ramp {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(usersets, "usersets");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stepSince, "stepSince");
        steps = List.copyOf(steps);
        timeline = List.copyOf(timeline);
    }

    /** The share (0–100) of the users moved to {@code to} now. */
    public int percent() {
        return percentAt(step);
    }

    public int percentAt(int index) {
        return index < 0 ? 0 : steps.get(index);
    }

    /** The next state with one more timeline event. */
    public Ramp with(Status s, int newStep, int newLastGood, String since, Event e) {
        List<Event> t = new ArrayList<>(timeline);
        t.add(e);
        while (t.size() > MAX_TIMELINE) {
            t.remove(0);
        }
        return new Ramp(from, to, usersets, steps, holdSeconds, maxLatencyMs, s, newStep, newLastGood, since, t);
    }
}
