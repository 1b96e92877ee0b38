package io.lodestar.engine.notify;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Open incidents, keyed by {@link Alert#incidentKey()}: an endpoint that is down, or a domain whose
 * endpoints are all down. Decides which alerts are news: a down for an incident already open is
 * not; a recovery is news only if it closes something. Thread-safe; cheap enough to run on the
 * caller's thread, so duplicates never take a place in the delivery queue.
 */
final class Incidents {

    /** What to do with an alert. */
    enum Verdict {
        /** News: deliver it. */
        SEND,
        /** A down for an incident already open. */
        DUPLICATE,
        /** A recovery with no open incident to close (already closed, or never opened). */
        NO_OPEN_INCIDENT
    }

    private final Map<String, Instant> open = new TreeMap<>();

    /**
     * Opens (endpoint_down, all_down) or closes (endpoint_up) the alert's incident. A recovery of an
     * endpoint closes its own incident and the domain's all-down incident: once one endpoint is up,
     * the domain is no longer all down.
     */
    synchronized Verdict admit(Alert a) {
        switch (a.kind()) {
            case ENDPOINT_DOWN:
            case ALL_DOWN:
                return open.putIfAbsent(a.incidentKey(), a.time()) == null ? Verdict.SEND : Verdict.DUPLICATE;
            case ENDPOINT_UP:
                boolean closedEndpoint = open.remove(a.incidentKey()) != null;
                boolean closedAllDown = open.remove(a.domain()) != null;
                return closedEndpoint || closedAllDown ? Verdict.SEND : Verdict.NO_OPEN_INCIDENT;
            case PUBLISHED:
            case RAMP:
            case DRILL:
            default:
                return Verdict.SEND;
        }
    }

    /** Open incidents and when each opened, by key. */
    synchronized Map<String, Instant> open() {
        return Map.copyOf(open);
    }
}
