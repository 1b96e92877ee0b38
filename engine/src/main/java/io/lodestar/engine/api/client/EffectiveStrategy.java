package io.lodestar.engine.api.client;

import java.util.Objects;

/**
 * The strategy tree a domain is answered by, and where it comes from.
 *
 * @param source   {@code providers} (EdgeOne multi-CDN), {@code pools} (IGTM address pools in tiers)
 *                 or {@code strategy} (the stored tree)
 * @param document the tree as the seed's strategy document
 */
public record EffectiveStrategy(String source, StrategyDoc document) {

    public EffectiveStrategy {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(document, "document");
    }

    /** True when providers or pools replace the stored tree: editing the tree changes no answer. */
    public boolean replacesTree() {
        return !source.equals("strategy");
    }
}
