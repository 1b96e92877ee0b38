package io.lodestar.resolver;

import io.lodestar.resolver.wire.DnsCodes;
import io.lodestar.resolver.wire.Query;

/**
 * Stage 2, EDNS(0) and Client Subnet: FORMERR for more than one OPT (RFC 6891 §6.1.1) or more than
 * one ECS option (RFC 7871 §7.1.1; a malformed one was already FORMERR in decoding); BADVERS for a
 * version above 0 (RFC 6891 §6.1.3). Sets the size limit: over UDP the advertised payload, at
 * least 512 and at most our maximum; 512 without EDNS; 65 535 over TCP.
 */
final class EdnsStage implements Stage {

    private final int maxUdpPayload;

    EdnsStage(int maxUdpPayload) {
        this.maxUdpPayload = maxUdpPayload;
    }

    @Override
    public Flow run(QueryContext ctx) {
        Query q = ctx.query;
        if (q.optCount() > 1 || q.ecsCount() > 1) {
            return ctx.fail(DnsCodes.FORMERR);
        }
        if (q.hasEdns() && q.ednsVersion() > 0) {
            return ctx.fail(DnsCodes.BADVERS);
        }
        if (ctx.transport == Transport.TCP) {
            ctx.limit = 65_535;
        } else if (q.hasEdns()) {
            ctx.limit = Math.max(512, Math.min(q.udpPayload(), maxUdpPayload));
        } else {
            ctx.limit = 512;
        }
        return Flow.NEXT;
    }
}
