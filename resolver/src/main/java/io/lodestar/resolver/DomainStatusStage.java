package io.lodestar.resolver;

import io.lodestar.engine.model.DomainStatus;
import io.lodestar.resolver.wire.DnsCodes;

/**
 * Stage 6, domain status (CONTRACT §4): a stopped domain answers REFUSED; reached through a CNAME
 * the chain ends there with what it has. Pause needs nothing here: the engine hands over the plan
 * frozen at the pause.
 */
final class DomainStatusStage implements Stage {

    @Override
    public Flow run(QueryContext ctx) {
        if (ctx.entry == null || ctx.entry.domain().status() != DomainStatus.STOP) {
            return Flow.NEXT;
        }
        return ctx.hops == 0 ? ctx.fail(DnsCodes.REFUSED) : Flow.ANSWER;
    }
}
