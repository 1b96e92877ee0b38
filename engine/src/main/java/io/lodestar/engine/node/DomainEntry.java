package io.lodestar.engine.node;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.plan.AnswerPlan;
import java.util.Objects;

/**
 * What the resolver needs of one domain: its settings (status, TTL) and the plan to answer from.
 * For a paused domain the plan is the one in force when it was paused (seed: 暂停调度 keeps the
 * last schedule result); for a domain without a strategy it is an empty plan (NODATA).
 */
public record DomainEntry(Domain domain, AnswerPlan plan) {

    public DomainEntry {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(plan, "plan");
    }
}
