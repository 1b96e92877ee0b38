package io.lodestar.resolver.wire;

import io.lodestar.resolver.wire.Query.Problem;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.ClientSubnetOption;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Bytes to {@link Query}. Never throws: anything dnsjava cannot parse (truncated names,
 * compression loops, bad rdata, an invalid Client Subnet option per RFC 7871 §7.1.1) becomes
 * {@link Problem#MALFORMED}, with the question kept when it alone is readable.
 */
public final class QueryDecoder {

    static final int HEADER = 12;
    private static final int QR = 0x8000;

    private QueryDecoder() {
    }

    public static Query decode(byte[] packet, int length) {
        if (length < HEADER) {
            return new Query(Problem.DROP, 0, 0, null, null, 0, 0, 0, null);
        }
        int id = u16(packet, 0);
        int flags = u16(packet, 2);
        int qdcount = u16(packet, 4);
        if ((flags & QR) != 0) {
            return new Query(Problem.DROP, id, flags, null, null, qdcount, 0, 0, null);
        }
        if (((flags >>> 11) & 0xF) != DnsCodes.OPCODE_QUERY) {
            return new Query(Problem.OPCODE, id, flags, null, null, qdcount, 0, 0, null);
        }
        byte[] bytes = Arrays.copyOf(packet, length);
        Message m;
        try {
            m = new Message(bytes);
        } catch (IOException | RuntimeException e) {
            return new Query(Problem.MALFORMED, id, flags, questionOnly(bytes, qdcount), null, qdcount, 0, 0, null);
        }
        for (int s = Section.QUESTION; s <= Section.ADDITIONAL; s++) {
            if (m.getSection(s).size() != m.getHeader().getCount(s)) { // dnsjava forgives a cut message with TC set
                return new Query(Problem.MALFORMED, id, flags, null, null, qdcount, 0, 0, null);
            }
        }
        Record question = m.getQuestion();
        if (qdcount != 1 || hasOpt(m.getSection(Section.ANSWER)) || hasOpt(m.getSection(Section.AUTHORITY))) {
            return new Query(Problem.MALFORMED, id, flags, qdcount == 1 ? question : null, null, qdcount, 0, 0, null);
        }
        OPTRecord opt = null;
        int optCount = 0;
        for (Record r : m.getSection(Section.ADDITIONAL)) {
            if (r.getType() == Type.OPT) {
                optCount++;
                opt = opt == null ? (OPTRecord) r : opt;
            }
        }
        ClientSubnet ecs = null;
        int ecsCount = 0;
        if (opt != null) {
            List<EDNSOption> options = opt.getOptions(EDNSOption.Code.CLIENT_SUBNET);
            ecsCount = options.size();
            if (ecsCount > 0) {
                ClientSubnetOption o = (ClientSubnetOption) options.get(0);
                ecs = new ClientSubnet(o.getFamily(), o.getSourcePrefixLength(), bytes(o));
            }
        }
        return new Query(Problem.NONE, id, flags, question, opt, qdcount, optCount, ecsCount, ecs);
    }

    /** The address as sent: 16 bytes for family 2 even when it is IPv4-mapped (Java shortens those). */
    private static byte[] bytes(ClientSubnetOption o) {
        byte[] a = o.getAddress().getAddress();
        if (o.getFamily() == 2 && a.length == 4) {
            byte[] m = new byte[16];
            m[10] = (byte) 0xFF;
            m[11] = (byte) 0xFF;
            System.arraycopy(a, 0, m, 12, 4);
            return m;
        }
        return a;
    }

    private static boolean hasOpt(List<Record> section) {
        for (Record r : section) {
            if (r.getType() == Type.OPT) {
                return true;
            }
        }
        return false;
    }

    /** The first question of a message whose later parts are malformed, or null. */
    private static Record questionOnly(byte[] bytes, int qdcount) {
        if (qdcount != 1) {
            return null;
        }
        try {
            return Record.fromWire(Arrays.copyOfRange(bytes, HEADER, bytes.length), Section.QUESTION);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
