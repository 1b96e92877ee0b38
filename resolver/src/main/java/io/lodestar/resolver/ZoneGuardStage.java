package io.lodestar.resolver;

import io.lodestar.resolver.wire.DnsCodes;
import io.lodestar.resolver.wire.ZoneViews;

/**
 * Stage 3, zone guard: this server is authoritative for one zone of class IN and answers nothing
 * else (REFUSED, RFC 1035 §4.1.1 "refuses to perform the operation"). Zone transfers go through
 * the {@link TransferPolicy} allow-list (REFUSED unless allowed; then a full transfer over TCP). A query for a
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

    /**
     * AXFR (and IXFR, answered with a full transfer as RFC 1995 §4 allows) for allow-listed clients,
     * over TCP only (RFC 5936 §4.2): the zone's SOA, its static RRsets, the SOA, in as many
     * messages of at most 64 KiB as it takes (the writer splits them).
     */
    private Flow transfer(QueryContext ctx) {
        if (!transfers.allows(ctx.source)) {
            return ctx.fail(DnsCodes.REFUSED);
        }
        if (ctx.transport != Transport.TCP || !ctx.name.equals(ctx.zone.origin())) {
            return ctx.fail(ctx.transport != Transport.TCP ? DnsCodes.NOTIMP : DnsCodes.NOTAUTH);
        }
        ctx.reply.authoritative(true).transfer(true);
        ctx.zone.transfer().forEach(ctx.reply::answer);
        return Flow.ANSWER;
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
                return transfer(ctx);
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
