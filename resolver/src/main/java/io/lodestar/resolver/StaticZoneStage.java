package io.lodestar.resolver;

import io.lodestar.resolver.wire.DnsCodes;
import io.lodestar.resolver.wire.ZoneOutcome;

/**
 * Stage 5, static zone: a name that is not traffic-managed is answered from the zone's data
 * (the zone file, the apex SOA/NS) by RFC 1034 §4.3.2 step 3, outcome by outcome:
 * found → answer; CNAME → add it and follow the target when it is in the zone; NODATA and NXDOMAIN
 * → SOA in authority (RFC 2308; after a CNAME the rcode is the last name's, RFC 6604 §2);
 * delegation → referral, AA cleared when it answers the qname itself.
 */
final class StaticZoneStage implements Stage, ZoneOutcome.Visitor<Stage.Flow, QueryContext> {

    @Override
    public Flow run(QueryContext ctx) {
        if (ctx.entry != null) {
            return Flow.NEXT;
        }
        return ctx.zone.find(ctx.name, ctx.qtype).accept(this, ctx);
    }

    @Override
    public Flow found(ZoneOutcome.Found found, QueryContext ctx) {
        found.answer().forEach(ctx.reply::answer);
        ctx.reply.additional(found.additional());
        return Flow.ANSWER;
    }

    @Override
    public Flow cname(ZoneOutcome.Cname cname, QueryContext ctx) {
        ctx.reply.answer(cname.cname());
        return AssembleStage.follow(ctx, cname.target());
    }

    @Override
    public Flow noData(QueryContext ctx) {
        return ctx.negative(DnsCodes.NOERROR);
    }

    @Override
    public Flow nxDomain(QueryContext ctx) {
        return ctx.negative(DnsCodes.NXDOMAIN);
    }

    @Override
    public Flow delegation(ZoneOutcome.Delegation d, QueryContext ctx) {
        if (ctx.hops == 0) {
            ctx.reply.authoritative(false);
        }
        ctx.reply.referral(true).authority(d.ns());
        ctx.reply.additional(d.glue());
        return Flow.ANSWER;
    }
}
