package io.lodestar.engine.cluster;

import io.lodestar.engine.health.ProbeResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The control node's relay of probe results (ADR 0007): every point's results, numbered, kept for a
 * bounded while; each member sends its own and takes everyone else's since its cursor, so every
 * node feeds the same observations into the same verdict rule.
 */
final class ObservationHub {

    /** One relayed result. */
    record Entry(long seq, String site, String domain, String endpoint, ProbeResult result) {
    }

    /** What a member takes: the entries since its cursor (not its own) and the new cursor. */
    record Batch(long cursor, List<Entry> entries) {
    }

    private final int capacity;
    private final ArrayDeque<Entry> log = new ArrayDeque<>();
    private long seq;

    ObservationHub(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String site, String domain, String endpoint, ProbeResult r) {
        log.addLast(new Entry(++seq, site, domain, endpoint, r));
        if (log.size() > capacity) {
            log.removeFirst();
        }
    }

    /** Entries after {@code cursor} from other sites; a cursor from before a restart (ahead of us) starts over. */
    synchronized Batch since(long cursor, String exceptSite, int max) {
        long from = cursor > seq ? 0 : cursor;
        List<Entry> out = new ArrayList<>();
        long last = from;
        for (Entry e : log) {
            if (e.seq() <= from) {
                continue;
            }
            if (out.size() >= max) {
                break;
            }
            last = e.seq();
            if (!e.site().equals(exceptSite)) {
                out.add(e);
            }
        }
        return new Batch(Math.max(last, from), out);
    }
}
