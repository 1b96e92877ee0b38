package io.lodestar.resolver;

import io.lodestar.engine.model.Family;
import io.lodestar.engine.node.DomainEntry;
import io.lodestar.engine.node.Snapshot;
import io.lodestar.resolver.wire.DnsCodes;
import io.lodestar.resolver.wire.Query;
import io.lodestar.resolver.wire.Reply;
import io.lodestar.resolver.wire.ZoneView;
import java.net.InetAddress;

/**
 * The facts of one query, computed once and shared by the stages in order (CoreDNS's request
 * state): the snapshot read at arrival, the decoded query, the name being answered (it moves along
 * a CNAME chain), the client's location and the reply under construction. One per query, one thread.
 */
final class QueryContext {

    /** The longest CNAME chain followed inside the zone (RFC 1034 §4.3.2 step 3.a restarts). */
    static final int MAX_CHAIN = 8;

    final Snapshot snapshot;
    final Transport transport;
    final InetAddress source;
    final byte[] packet;
    final int length;
    final Reply reply = new Reply();

    Query query;
    ZoneView zone;
    /** Bytes the reply may take: 512, the negotiated EDNS payload, or 65 535 over TCP. */
    int limit = 512;

    /** The name answered now, key form: the qname, then each in-zone CNAME target. */
    String name;
    int qtype;
    /** CNAME steps taken so far; 0 while answering the qname itself. */
    int hops;
    /** The traffic-managed domain at {@link #name}, or null. */
    DomainEntry entry;

    /** Set once by the locate stage: the client's user group and address (ECS, else source). */
    boolean located;
    int group;
    byte[] client;

    /** The endpoint index the pick stage chose in {@code entry.plan()}, or -1. */
    int picked = -1;
    /** Set instead of one pick when the plan answers every address of the distribution (IGTM "all"). */
    io.lodestar.engine.plan.Distribution pickedAll;

    QueryContext(Snapshot snapshot, Transport transport, InetAddress source, byte[] packet, int length) {
        this.snapshot = snapshot;
        this.transport = transport;
        this.source = source;
        this.packet = packet;
        this.length = length;
    }

    /** The address family a managed name is answered for: A and ANY (RFC 8482) → V4, AAAA → V6; else null. */
    Family family() {
        switch (qtype) {
            case DnsCodes.A:
            case DnsCodes.ANY:
            case DnsCodes.CNAME:
                return Family.V4;
            case DnsCodes.AAAA:
                return Family.V6;
            default:
                return null;
        }
    }

    /** Ends the answer with an error rcode and nothing else. */
    Stage.Flow fail(int rcode) {
        reply.rcode(rcode);
        return Stage.Flow.ANSWER;
    }

    /** Ends with the negative answer for {@link #name}: RFC 2308 §2.1 (NXDOMAIN) or §2.2 (NODATA), SOA in authority. */
    Stage.Flow negative(int rcode) {
        reply.rcode(rcode).authority(zone.negativeSoa());
        return Stage.Flow.ANSWER;
    }
}
