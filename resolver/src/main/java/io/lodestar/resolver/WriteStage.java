package io.lodestar.resolver;

import io.lodestar.resolver.wire.ResponseWriter;

/**
 * The last stage, size/TC and the single writer: the reply becomes bytes within the limit the
 * EDNS stage set (TC and no records when it does not fit), and the query is counted and, one in
 * N, logged.
 */
final class WriteStage {

    private final int maxUdpPayload;
    private final DnsMetrics metrics;
    private final QueryLog log;

    /** {@code log} may be null: no query log. */
    WriteStage(int maxUdpPayload, DnsMetrics metrics, QueryLog log) {
        this.maxUdpPayload = maxUdpPayload;
        this.metrics = metrics;
        this.log = log;
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
        if (log != null) {
            log.record(ctx);
        }
        return out;
    }
}
