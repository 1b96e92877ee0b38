package io.lodestar.resolver.wire;

import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;

/**
 * A decoded query: the facts the pipeline needs, read once from the packet. {@link #problem()}
 * says when the packet is not a usable query; the header fields are valid whenever it had 12
 * bytes. The dnsjava question and OPT stay inside this package, for the writer.
 */
public final class Query {

    /** What decoding found wrong, if anything (RFC 1035 §4.1.1, RFC 6891 §7). */
    public enum Problem {
        /** A well-formed query message. */
        NONE,
        /** Not answerable at all: shorter than a header, or a response (QR set). */
        DROP,
        /** Malformed: FORMERR. */
        MALFORMED,
        /** An opcode other than QUERY: NOTIMP. */
        OPCODE
    }

    final Problem problem;
    final int id;
    final int flags;
    final Record question;
    final OPTRecord opt;
    final int qdcount;
    final int optCount;
    final int ecsCount;
    final ClientSubnet ecs;
    final String qname;

    Query(Problem problem, int id, int flags, Record question, OPTRecord opt, int qdcount, int optCount,
          int ecsCount, ClientSubnet ecs) {
        this.problem = problem;
        this.id = id;
        this.flags = flags;
        this.question = question;
        this.opt = opt;
        this.qdcount = qdcount;
        this.optCount = optCount;
        this.ecsCount = ecsCount;
        this.ecs = ecs;
        this.qname = question == null ? null : RrSet.key(question.getName());
    }

    public Problem problem() {
        return problem;
    }

    public int id() {
        return id;
    }

    public int opcode() {
        return (flags >>> 11) & 0xF;
    }

    /** Questions in the message (RFC 1035 allows one in practice; anything else is FORMERR). */
    public int questionCount() {
        return qdcount;
    }

    /** The question's name in key form (lower case, no final dot), or null. */
    public String qname() {
        return qname;
    }

    public int qtype() {
        return question == null ? 0 : question.getType();
    }

    public int qclass() {
        return question == null ? 0 : question.getDClass();
    }

    /** True when the query carries an OPT record (EDNS, RFC 6891). */
    public boolean hasEdns() {
        return opt != null;
    }

    /** OPT records in the additional section; more than one is FORMERR (RFC 6891 §6.1.1). */
    public int optCount() {
        return optCount;
    }

    public int ednsVersion() {
        return opt == null ? 0 : opt.getVersion();
    }

    /** The requestor's UDP payload size, as advertised (RFC 6891 §6.2.3). */
    public int udpPayload() {
        return opt == null ? 512 : opt.getPayloadSize();
    }

    /** Client Subnet options present; more than one is FORMERR (RFC 7871 §7.1.1). */
    public int ecsCount() {
        return ecsCount;
    }

    /** The Client Subnet option, or null. */
    public ClientSubnet ecs() {
        return ecs;
    }
}
