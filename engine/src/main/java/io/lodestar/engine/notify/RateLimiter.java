package io.lodestar.engine.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * At most {@code max} messages per contact in any sliding {@code window}. Alerts beyond it are held
 * and, once the window allows one more message, {@link #due} hands them back as one {@link Summary}.
 * While a contact has alerts held, new ones are held too, so the contact reads them in order.
 * Memory is bounded: {@code max} send times and at most {@link #LISTED} held alerts per contact.
 */
final class RateLimiter {

    /** How many held alerts a summary lists; the rest are counted. */
    static final int LISTED = 20;

    /** A summary due for a contact. */
    record Due(String contact, Summary summary) {
    }

    private static final class Held {
        final List<Alert> alerts = new ArrayList<>();
        int total;
    }

    private final int max;
    private final Duration window;
    private final Map<String, Deque<Instant>> sent = new HashMap<>();
    private final Map<String, Held> held = new LinkedHashMap<>();

    RateLimiter(int max, Duration window) {
        if (max < 1) {
            throw new IllegalArgumentException("the rate limit must allow at least one message");
        }
        this.max = max;
        this.window = window;
    }

    /** True: send it now (and it is counted); false: it is held for a later summary. */
    synchronized boolean admit(String contact, Alert a, Instant now) {
        Deque<Instant> times = sent.computeIfAbsent(contact, c -> new ArrayDeque<>());
        prune(times, now);
        if (times.size() < max && !held.containsKey(contact)) {
            times.addLast(now);
            return true;
        }
        Held h = held.computeIfAbsent(contact, c -> new Held());
        if (h.alerts.size() < LISTED) {
            h.alerts.add(a);
        }
        h.total++;
        return false;
    }

    /** The summaries the limit now allows, each counted as one message of its contact. */
    synchronized List<Due> due(Instant now) {
        List<Due> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, Held>> it = held.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Held> e = it.next();
            Deque<Instant> times = sent.get(e.getKey());
            prune(times, now);
            if (times.size() < max) {
                times.addLast(now);
                out.add(new Due(e.getKey(), new Summary(now, e.getValue().alerts, e.getValue().total)));
                it.remove();
            }
        }
        sent.values().removeIf(times -> {
            prune(times, now);
            return times.isEmpty();
        });
        return out;
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }
}
