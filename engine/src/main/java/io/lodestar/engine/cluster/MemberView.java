package io.lodestar.engine.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the control node knows of a member at run time (not persisted): the snapshot it has, when
 * it was last heard from, the last push failure, and what it reported of its own view.
 *
 * @param failing endpoints ({@code domain endpoint}) its own verdicts have down
 */
record MemberView(long version, Optional<Instant> lastContact, String error, List<String> failing, long queries,
                  double queriesPerSecond, boolean degraded) {

    static MemberView unknown() {
        return new MemberView(-1, Optional.empty(), "", List.of(), 0, 0, false);
    }

    MemberView pushed(long v, Instant at) {
        return new MemberView(Math.max(version, v), Optional.of(at), "", failing, queries, queriesPerSecond, degraded);
    }

    MemberView failed(String why) {
        return new MemberView(version, lastContact, why, failing, queries, queriesPerSecond, degraded);
    }

    MemberView reported(long v, Instant at, List<String> f, long q, boolean deg) {
        double qps = queriesPerSecond;
        if (lastContact.isPresent() && q >= queries) {
            double secs = Math.max(0.001, (at.toEpochMilli() - lastContact.get().toEpochMilli()) / 1000.0);
            qps = (q - queries) / secs;
        }
        String err = v >= version && error.startsWith("unreachable") ? "" : error;
        return new MemberView(v, Optional.of(at), err, List.copyOf(f), q, qps, deg);
    }
}
