package io.lodestar.resolver;

import io.lodestar.resolver.wire.DnsCodes;
import io.lodestar.resolver.wire.ZoneViews;

/**
 * Stage 3, zone guard: this server is authoritative for one zone of class IN and answers nothing
 * else (REFUSED, RFC 1035 §4.1.1 "refuses to perform the operation"). Zone transfers go through
 * the {@link TransferPolicy} hook (REFUSED, or NOTIMP when allowed: not served yet). A query for a
 * meta type that only lives in messages (OPT, TSIG) is FORMERR, MAILA/MAILB NOTIMP. From here on
 * answers are authoritative (AA) unless a referral clears it.
 */
final class ZoneGuardStage implements Stage {

    private final ZoneViews views;
    private final TransferPolicy transfers;

    ZoneGuardStage(ZoneViews views, TransferPolicy transfers) {
        this.views = views;
        this.transfers = transfers;
    }

    @Override
    public Flow run(QueryContext ctx) {
        ctx.zone = views.of(ctx.snapshot);
        int qclass = ctx.query.qclass();
        if ((qclass != DnsCodes.CLASS_IN && qclass != DnsCodes.CLASS_ANY) || !ctx.zone.contains(ctx.name)) {
            return ctx.fail(DnsCodes.REFUSED);
        }
        switch (ctx.qtype) {
            case DnsCodes.AXFR:
            case DnsCodes.IXFR:
                return ctx.fail(transfers.allows(ctx.source) ? DnsCodes.NOTIMP : DnsCodes.REFUSED);
            case DnsCodes.OPT:
            case DnsCodes.TSIG:
                return ctx.fail(DnsCodes.FORMERR);
            case DnsCodes.MAILA:
            case DnsCodes.MAILB:
                return ctx.fail(DnsCodes.NOTIMP);
            default:
                ctx.reply.authoritative(true);
                return Flow.NEXT;
        }
    }
}
