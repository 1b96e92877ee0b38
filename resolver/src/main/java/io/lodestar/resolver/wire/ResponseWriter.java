package io.lodestar.resolver.wire;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ClientSubnetOption;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * {@link Reply} to bytes, within a size limit. A message that does not fit is retried without
 * its optional additional records; if it still does not fit it goes out as header + question +
 * OPT with TC set and no records (RFC 2181 §9, RFC 7766 §5: the client retries over TCP).
 */
public final class ResponseWriter {

    private ResponseWriter() {
    }

    /**
     * @param limit      the most bytes the transport may carry (512, the EDNS payload, or 65535)
     * @param ourPayload the UDP payload size this server advertises in its OPT record
     * @return the message, or null when the query gets no reply
     */
    public static byte[] write(Query query, Reply reply, int limit, int ourPayload) {
        if (query.problem == Query.Problem.DROP) {
            return null;
        }
        byte[] full = render(query, reply, ourPayload, true, true).toWire();
        if (full.length <= limit) {
            return full;
        }
        if (!reply.referral() && !reply.additionals().isEmpty()) {
            byte[] lean = render(query, reply, ourPayload, true, false).toWire();
            if (lean.length <= limit) {
                return lean;
            }
        }
        reply.truncated(true);
        Message m = render(query, reply, ourPayload, false, false);
        m.getHeader().setFlag(Flags.TC);
        return m.toWire();
    }

    /**
     * A zone transfer's answer as as many messages as it takes (RFC 5936 §2.2): each at most
     * {@code limit} bytes, the question in the first only, the same ID and flags in all, records in
     * order and never split. A record's uncompressed size bounds what it adds, so no message is
     * rendered twice.
     */
    public static List<byte[]> writeTransfer(Query query, Reply reply, int limit, int ourPayload) {
        List<Record> records = new ArrayList<>();
        for (RrSet s : reply.answers()) {
            records.addAll(java.util.Arrays.asList(s.records()));
        }
        Message empty = render(query, new Reply().authoritative(reply.authoritative()), ourPayload, false, false);
        int overhead = empty.toWire().length;
        List<byte[]> out = new ArrayList<>();
        Message m = empty;
        int size = overhead;
        int inMessage = 0;
        for (Record r : records) {
            int bytes = r.toWire(Section.ANSWER).length;
            if (inMessage > 0 && size + bytes > limit) {
                out.add(m.toWire());
                m = render(query, new Reply().authoritative(reply.authoritative()), ourPayload, false, false);
                m.removeAllRecords(Section.QUESTION);
                size = overhead;
                inMessage = 0;
            }
            m.addRecord(r, Section.ANSWER);
            size += bytes;
            inMessage++;
        }
        out.add(m.toWire());
        return out;
    }

    private static Message render(Query q, Reply r, int ourPayload, boolean records, boolean additional) {
        Message m = new Message(q.id);
        Header h = m.getHeader();
        h.setFlag(Flags.QR);
        h.setOpcode(q.opcode());
        if ((q.flags & 0x0100) != 0) {
            h.setFlag(Flags.RD);
        }
        if ((q.flags & 0x0010) != 0) {
            h.setFlag(Flags.CD);
        }
        if (r.authoritative()) {
            h.setFlag(Flags.AA);
        }
        h.setRcode(r.rcode() & 0xF);
        if (q.question != null) {
            m.addRecord(q.question, Section.QUESTION);
        }
        if (records) {
            add(m, r.answers(), Section.ANSWER);
            add(m, r.authorities(), Section.AUTHORITY);
            if (additional) {
                add(m, r.additionals(), Section.ADDITIONAL);
            }
        }
        if (q.opt != null && q.problem == Query.Problem.NONE && q.optCount == 1) {
            m.addRecord(opt(q, r, ourPayload), Section.ADDITIONAL);
        }
        return m;
    }

    private static void add(Message m, List<RrSet> sets, int section) {
        for (RrSet s : sets) {
            for (Record rec : s.records()) {
                m.addRecord(rec, section);
            }
        }
    }

    /** Our OPT: version 0, no DO (nothing is signed), the extended rcode bits, ECS echoed with its scope. */
    private static OPTRecord opt(Query q, Reply r, int ourPayload) {
        int xrcode = r.rcode() >>> 4;
        ClientSubnet ecs = q.ecs;
        if (ecs == null || q.ecsCount != 1 || r.rcode() == DnsCodes.FORMERR) {
            return new OPTRecord(ourPayload, xrcode, 0, 0);
        }
        EDNSOption echo = new ClientSubnetOption(ecs.sourcePrefix(), Math.min(r.ecsScope(), maxPrefix(ecs)),
                address(ecs));
        return new OPTRecord(ourPayload, xrcode, 0, 0, echo);
    }

    private static int maxPrefix(ClientSubnet ecs) {
        return ecs.family() == 1 ? 32 : 128;
    }

    private static InetAddress address(ClientSubnet ecs) {
        try {
            byte[] a = ecs.address();
            return a.length == 16 ? Inet6Address.getByAddress(null, a, -1) : InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
