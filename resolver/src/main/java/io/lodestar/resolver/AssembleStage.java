package io.lodestar.resolver;

import io.lodestar.engine.model.EndpointType;
import io.lodestar.engine.model.EndpointValue;
import io.lodestar.resolver.wire.DnsCodes;

/**
 * Stage 9, assemble: the picked endpoint becomes its record (A, AAAA or CNAME, TTL = the domain's,
 * built once per snapshot). A CNAME whose target lies in the zone is followed (RFC 1034 §4.3.2
 * step 3.a: "change QNAME to the canonical name … and go back to step 1"), at most
 * {@link QueryContext#MAX_CHAIN} times and never into a name already answered.
 */
final class AssembleStage implements Stage {

    @Override
    public Flow run(QueryContext ctx) {
        if (ctx.pickedAll != null) {
            ctx.reply.answer(ctx.zone.managedAnswerAll(ctx.name, ctx.entry, ctx.pickedAll.endpoints()));
            return Flow.ANSWER;
        }
        ctx.reply.answer(ctx.zone.managedAnswer(ctx.name, ctx.entry, ctx.picked));
        EndpointValue value = ctx.entry.plan().endpoint(ctx.picked).value();
        if (value.type() != EndpointType.CNAME) {
            return Flow.ANSWER;
        }
        return follow(ctx, value.text());
    }

    /** After a CNAME went into the answer: restart at its target, or stop. */
    static Flow follow(QueryContext ctx, String target) {
        if (ctx.qtype == DnsCodes.CNAME || !ctx.zone.contains(target)
                || ctx.hops >= QueryContext.MAX_CHAIN || ctx.reply.answers(target)) {
            return Flow.ANSWER;
        }
        ctx.hops++;
        ctx.name = target;
        return Flow.FOLLOW;
    }
}
