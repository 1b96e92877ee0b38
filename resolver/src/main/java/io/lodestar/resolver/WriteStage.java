package io.lodestar.resolver;

import io.lodestar.resolver.wire.ResponseWriter;
import java.util.List;

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

    /**
     * Over TCP: the reply's messages, several for a zone transfer too large for one (RFC 5936
     * §2.2), one otherwise; empty when the query gets no reply. Counted and logged once.
     */
    List<byte[]> writeStream(QueryContext ctx) {
        if (!ctx.reply.transfer()) {
            byte[] one = write(ctx);
            return one == null ? List.of() : List.of(one);
        }
        List<byte[]> out = ResponseWriter.writeTransfer(ctx.query, ctx.reply, ctx.limit, maxUdpPayload);
        metrics.query(ctx.query.qtype(), ctx.reply.rcode());
        if (log != null) {
            log.record(ctx);
        }
        return out;
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
