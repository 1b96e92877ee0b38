package io.lodestar.engine.traffic;

import java.util.List;
import java.util.Objects;

/**
 * A failover drill: endpoints and pools to take out of service. In mode {@code force}, executing it
 * forces them down in the compiled plans (an overlay on the measured health, which is left alone),
 * so rolling it back restores the previous answers exactly. In mode {@code watch} nothing is forced:
 * the operator stops the real service and the drill measures how long the monitor took to judge it
 * down and move the answers. Alerts it causes are marked as a drill.
 *
 * @param mode        {@code force} or {@code watch}
 * @param targets     endpoint values the drill is about (the named endpoints and pool members)
 * @param forced      endpoint values forced down now ({@code force} mode, while executed)
 * @param executedAt  ISO-8601 or empty
 * @param measuredMs  force: execute → answers published without the targets; watch: execute → the
 *                    first target judged down and answers moved; in ms, -1 before
 */
public record Drill(String mode, List<String> endpoints, List<String> pools, boolean executed, List<String> targets,
                    List<String> forced, String executedAt, String executedBy, String rolledBackAt,
                    String rolledBackBy, long measuredMs) {

    public static final String FORCE = "force";
    public static final String WATCH = "watch";

    public Drill {
        Objects.requireNonNull(mode, "mode");
        targets = List.copyOf(targets);
        endpoints = List.copyOf(endpoints);
        pools = List.copyOf(pools);
        forced = List.copyOf(forced);
        Objects.requireNonNull(executedAt, "executedAt");
        Objects.requireNonNull(executedBy, "executedBy");
        Objects.requireNonNull(rolledBackAt, "rolledBackAt");
        Objects.requireNonNull(rolledBackBy, "rolledBackBy");
    }

    public static Drill plan(String mode, List<String> endpoints, List<String> pools) {
        return new Drill(mode, endpoints, pools, false, List.of(), List.of(), "", "", "", "", -1);
    }

    public boolean watching() {
        return executed && mode.equals(WATCH);
    }
}
