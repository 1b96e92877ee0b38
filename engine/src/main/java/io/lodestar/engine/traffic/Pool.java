package io.lodestar.engine.traffic;

import java.util.List;
import java.util.Objects;

/**
 * An address pool (IGTM 地址池): endpoints with their address weights, a pool weight, a priority
 * tier (1 is tried first, up to {@link #MAX_TIER}) and the number of healthy members it needs to
 * count as up. A member's effective weight is pool weight × address weight.
 *
 * @param tier 1–4, or 0 for the fallback pool (answered only by the {@link AllDown#FALLBACK} policy)
 */
public record Pool(String name, int tier, int weight, int minHealthy, List<Member> members) {

    public static final int MAX_TIER = 4;
    public static final int FALLBACK_TIER = 0;

    /** An endpoint (by its value) in a pool with its address weight. */
    public record Member(String endpoint, int weight) {
        public Member {
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }

    public Pool {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }

    public boolean fallback() {
        return tier == FALLBACK_TIER;
    }
}
