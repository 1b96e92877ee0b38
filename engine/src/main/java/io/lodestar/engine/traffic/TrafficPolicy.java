package io.lodestar.engine.traffic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain's traffic settings beside its strategy (IGTM): the all-down policy, the TTL answered
 * while any candidate is down (0 = the domain's TTL always), whether a query gets every healthy
 * address of its answer ({@code answerAll}) or one by weight, and address pools. With pools in
 * tiers the pools answer instead of the strategy tree; a fallback pool alone only serves the
 * {@link AllDown#FALLBACK} policy.
 */
public record TrafficPolicy(AllDown allDown, int downTtl, boolean answerAll, List<Pool> pools) {

    public static final TrafficPolicy DEFAULT = new TrafficPolicy(AllDown.FAIL_OPEN, 0, false, List.of());

    public TrafficPolicy {
        Objects.requireNonNull(allDown, "allDown");
        pools = List.copyOf(pools);
    }

    /** True if pools in tiers 1–4 decide the answers (instead of the strategy tree). */
    public boolean hasTiers() {
        return pools.stream().anyMatch(p -> !p.fallback());
    }

    public Optional<Pool> fallbackPool() {
        return pools.stream().filter(Pool::fallback).findFirst();
    }
}
