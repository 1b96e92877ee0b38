package io.lodestar.resolver;

import io.lodestar.resolver.wire.DnsCodes;
import io.lodestar.resolver.wire.Query;
import io.lodestar.resolver.wire.QueryDecoder;

/**
 * Stage 1, sanity (RFC 1035 §4.1.1): decode the packet. No reply to a packet shorter than a header
 * or with QR set (it is a response: answering could start a loop); NOTIMP for an opcode other than
 * QUERY; FORMERR for anything unparseable or a QDCOUNT other than 1.
 */
final class SanityStage implements Stage {

    @Override
    public Flow run(QueryContext ctx) {
        Query q = QueryDecoder.decode(ctx.packet, ctx.length);
        ctx.query = q;
        switch (q.problem()) {
            case DROP:
                return Flow.DROP;
            case OPCODE:
                return ctx.fail(DnsCodes.NOTIMP);
            case MALFORMED:
                return ctx.fail(DnsCodes.FORMERR);
            default:
                break;
        }
        if (q.questionCount() != 1) {
            return ctx.fail(DnsCodes.FORMERR);
        }
        ctx.name = q.qname();
        ctx.qtype = q.qtype();
        return Flow.NEXT;
    }
}
