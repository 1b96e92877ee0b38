package io.lodestar.engine.node;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.strategy.StrategyTree;
import java.util.List;
import java.util.Optional;

/**
 * A domain as the node holds it in memory between publishes: its configuration as last read from
 * the store, the resolved tree (empty without a strategy), and the plan in force with its schedule
 * result text (what history compares).
 */
record DomainState(Domain domain, List<Endpoint> endpoints, Optional<StrategyTree> tree,
                   io.lodestar.engine.traffic.TrafficConfig traffic, AnswerPlan plan, String resultJson) {
}
