package io.lodestar.resolver;

import io.lodestar.resolver.wire.ResponseWriter;

/**
 * The last stage, size/TC and the single writer: the reply becomes bytes within the limit the
 * EDNS stage set (TC and no records when it does not fit), and the query is counted.
 */
final class WriteStage {

    private final int maxUdpPayload;
    private final DnsMetrics metrics;

    WriteStage(int maxUdpPayload, DnsMetrics metrics) {
        this.maxUdpPayload = maxUdpPayload;
        this.metrics = metrics;
    }

    /** The reply's bytes, or null when the query gets none. */
    byte[] write(QueryContext ctx) {
        byte[] out = ResponseWriter.write(ctx.query, ctx.reply, ctx.limit, maxUdpPayload);
        if (out == null) {
            metrics.dropped();
            return null;
        }
        if (ctx.reply.truncated()) {
            metrics.truncated();
        }
        metrics.query(ctx.query.qtype(), ctx.reply.rcode());
        return out;
    }
}
