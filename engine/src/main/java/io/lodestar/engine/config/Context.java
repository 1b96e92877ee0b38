package io.lodestar.engine.config;

import io.lodestar.engine.node.HealthBook;
import io.lodestar.engine.node.Publisher;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.store.Store;
import io.lodestar.engine.strategy.Recommender;
import io.lodestar.resources.region.Regions;

/** What the configuration services share: the store, the publisher, facts and health. */
public record Context(Store store, Publisher publisher, Regions regions, HealthBook health, SeedJson seedJson,
                      Recommender recommender, String zone) {
}
