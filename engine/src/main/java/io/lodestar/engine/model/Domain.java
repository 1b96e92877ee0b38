package io.lodestar.engine.model;

import java.util.Objects;

/**
 * A traffic-managed domain.
 *
 * @param name        the user's domain, lower case without the final dot, e.g. {@code www.example.com}
 * @param itmDomain   true: answered at the access name {@code <name>.<zone>} that users CNAME to;
 *                    false: answered at the name itself (the zone is delegated to Lodestar)
 * @param status      scheduling status
 * @param ttl         answer TTL in seconds, 1–86400
 */
public record Domain(String name, boolean itmDomain, DomainStatus status, int ttl) {

    public static final int DEFAULT_TTL = 60;
    public static final int MIN_TTL = 1;
    public static final int MAX_TTL = 86_400;

    public Domain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        if (ttl < MIN_TTL || ttl > MAX_TTL) {
            throw new IllegalArgumentException("ttl out of range: " + ttl);
        }
    }

    /** The name DNS answers at, given the node's access zone (with or without the final dot). */
    public String accessName(String zone) {
        String z = zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
        return itmDomain ? name + "." + z : name;
    }

    public Domain withStatus(DomainStatus s) {
        return new Domain(name, itmDomain, s, ttl);
    }

    public Domain withTtl(int t) {
        return new Domain(name, itmDomain, status, t);
    }
}
