package io.lodestar.engine.traffic;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything beside the strategy tree that shapes a domain's answers, as the compiler reads it:
 * the pool/all-down/TTL policy, multi-CDN providers, a gray migration, and the endpoints a running
 * failover drill has taken out of service.
 */
public record TrafficConfig(TrafficPolicy policy, Optional<Providers> providers, Optional<Ramp> ramp,
                            Set<String> drilled) {

    public static final TrafficConfig NONE = new TrafficConfig(TrafficPolicy.DEFAULT, Optional.empty(),
            Optional.empty(), Set.of());

    public TrafficConfig {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(providers, "providers");
        Objects.requireNonNull(ramp, "ramp");
        drilled = Set.copyOf(drilled);
    }

    /** The endpoint value a provider name (or an endpoint value) stands for. */
    public String endpointOf(String providerOrEndpoint) {
        return providers.flatMap(p -> p.provider(providerOrEndpoint)).map(Providers.Provider::endpoint)
                .orElse(providerOrEndpoint);
    }
}
