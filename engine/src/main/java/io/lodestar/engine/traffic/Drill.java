package io.lodestar.engine.traffic;

import java.util.List;
import java.util.Objects;

/**
 * A failover drill: endpoints and pools to take out of service. Executed, its endpoints are
 * forced down in the compiled plans (an overlay on the measured health, which is left alone), so
 * rolling it back restores the previous answers exactly. Alerts it causes are marked as a drill.
 *
 * @param forced      endpoint values forced down while executed (the named endpoints and pool members)
 * @param executedAt  ISO-8601 or empty
 * @param measuredMs  execute → first snapshot without the drilled endpoints, in ms (-1 before)
 */
public record Drill(List<String> endpoints, List<String> pools, boolean executed, List<String> forced,
                    String executedAt, String executedBy, String rolledBackAt, String rolledBackBy, long measuredMs) {

    public Drill {
        endpoints = List.copyOf(endpoints);
        pools = List.copyOf(pools);
        forced = List.copyOf(forced);
        Objects.requireNonNull(executedAt, "executedAt");
        Objects.requireNonNull(executedBy, "executedBy");
        Objects.requireNonNull(rolledBackAt, "rolledBackAt");
        Objects.requireNonNull(rolledBackBy, "rolledBackBy");
    }

    public static Drill plan(List<String> endpoints, List<String> pools) {
        return new Drill(endpoints, pools, false, List.of(), "", "", "", "", -1);
    }
}
