package io.lodestar.resolver.wire;

/**
 * The fast path's reading and writing of one plain UDP query (ADR 0004): exactly one question of
 * type A or AAAA, class IN, opcode QUERY, no other records but at most one OPT of version 0 whose
 * only option, if any, is a well-formed Client Subnet (RFC 7871 §6: address bytes = source prefix
 * rounded up, no bit set beyond it). Anything else is left to the pipeline. The reply copies the
 * query's header and question as they came (the name keeps its case), appends the precomputed
 * answer record and an OPT that echoes the ECS option with scope = source prefix: byte for byte
 * what {@link ResponseWriter} writes for the same answer. A mutable scratch: one per thread, reused.
 */
public final class FastQuery {

    private static final int OPT_FIXED = 11;

    int nameEnd;
    int nameHash;
    private int qtype;
    private int end;
    private boolean edns;
    private int udpPayload;
    /** Offset of the ECS option's code in the packet, or -1. */
    private int ecsAt;
    private int ecsFamily;
    private int ecsSource;
    private final byte[] v4 = new byte[4];
    private final byte[] v6 = new byte[16];

    /** True when {@code packet[0..length)} is a query the fast path may answer; fills this scratch. */
    public boolean parse(byte[] p, int length) {
        if (length < QueryDecoder.HEADER + 5 || (p[2] & 0xF8) != 0 || u16(p, 4) != 1 || u16(p, 6) != 0
                || u16(p, 8) != 0 || u16(p, 10) > 1) {
            return false;
        }
        int i = QueryDecoder.HEADER;
        int h = 0;
        for (int l = p[i] & 0xFF; l != 0; l = p[i] & 0xFF) {
            if (l > 63 || i + l + 1 >= length) {
                return false;
            }
            h = 31 * h + l;
            for (int k = i + 1; k <= i + l; k++) {
                h = 31 * h + lower(p[k]);
            }
            i += l + 1;
        }
        i++;
        if (i - QueryDecoder.HEADER > 255 || i + 4 > length) {
            return false;
        }
        nameEnd = i;
        nameHash = 31 * h;
        qtype = u16(p, i);
        if ((qtype != DnsCodes.A && qtype != DnsCodes.AAAA) || u16(p, i + 2) != DnsCodes.CLASS_IN) {
            return false;
        }
        end = i + 4;
        ecsAt = -1;
        edns = u16(p, 10) == 1;
        return edns ? opt(p, end, length) : end == length;
    }

    private boolean opt(byte[] p, int at, int length) {
        if (at + OPT_FIXED > length || p[at] != 0 || u16(p, at + 1) != DnsCodes.OPT || p[at + 6] != 0
                || at + OPT_FIXED + u16(p, at + 9) != length) {
            return false;
        }
        udpPayload = u16(p, at + 3);
        int o = at + OPT_FIXED;
        if (o == length) {
            return true;
        }
        if (o + 8 > length || u16(p, o) != 8 || o + 4 + u16(p, o + 2) != length) {
            return false;
        }
        int family = u16(p, o + 4);
        int source = p[o + 6] & 0xFF;
        int max = family == 1 ? 32 : family == 2 ? 128 : -1;
        int bytes = (source + 7) / 8;
        if (source > max || (p[o + 7] & 0xFF) > max || o + 8 + bytes != length
                || (source % 8 != 0 && (p[length - 1] & (0xFF >>> (source % 8))) != 0)
                || (family == 2 && bytes >= 12 && mapped(p, o + 8))) {
            return false; // dnsjava reads an IPv4-mapped address as IPv4 and rejects its prefix: FORMERR
        }
        ecsAt = o;
        ecsFamily = family;
        ecsSource = source;
        return true;
    }

    public int qtype() {
        return qtype;
    }

    public boolean hasEdns() {
        return edns;
    }

    public int udpPayload() {
        return udpPayload;
    }

    public boolean hasEcs() {
        return ecsAt >= 0;
    }

    public int ecsSource() {
        return ecsSource;
    }

    /** The ECS address padded to its full length (4 or 16 bytes), as the decoder gives it, in this scratch's buffer. */
    public byte[] ecsClient(byte[] p) {
        byte[] a = ecsFamily == 1 ? v4 : v6;
        int n = (ecsSource + 7) / 8;
        System.arraycopy(p, ecsAt + 8, a, 0, n);
        java.util.Arrays.fill(a, n, a.length, (byte) 0);
        return a;
    }

    /** The padded ECS address, a new array (for the query log: only sampled queries). */
    public byte[] ecsAddress(byte[] p) {
        byte[] a = new byte[ecsFamily == 1 ? 4 : 16];
        System.arraycopy(p, ecsAt + 8, a, 0, (ecsSource + 7) / 8);
        return a;
    }

    /** An IPv4 address (as {@code Inet4Address.hashCode()} gives it) in this scratch's 4-byte buffer. */
    public byte[] v4(int address) {
        v4[0] = (byte) (address >>> 24);
        v4[1] = (byte) (address >>> 16);
        v4[2] = (byte) (address >>> 8);
        v4[3] = (byte) address;
        return v4;
    }

    /** The reply's length with the longest record of {@code name}: the caller checks it fits. */
    public int replyLength(FastAnswers.Managed name) {
        return end + name.longestRecord + optLength();
    }

    private int optLength() {
        return !edns ? 0 : ecsAt < 0 ? OPT_FIXED : OPT_FIXED + 8 + (ecsSource + 7) / 8;
    }

    /** The reply: endpoint {@code index} of {@code name}, our OPT advertising {@code ourPayload}. */
    public byte[] reply(byte[] p, FastAnswers.Managed name, int index, int ourPayload) {
        byte[] rec = name.records[index];
        int opt = optLength();
        byte[] out = new byte[end + rec.length + opt];
        System.arraycopy(p, 0, out, 0, end);
        out[2] = (byte) (0x84 | (p[2] & 0x01)); // QR, opcode QUERY, AA, RD as asked
        out[3] = (byte) (p[3] & 0x10); // CD as asked, NOERROR
        out[7] = 1; // ANCOUNT (QDCOUNT 1, NSCOUNT 0 and ARCOUNT as in the query)
        System.arraycopy(rec, 0, out, end, rec.length);
        if (edns) {
            int o = end + rec.length;
            out[o + 2] = DnsCodes.OPT;
            out[o + 3] = (byte) (ourPayload >>> 8);
            out[o + 4] = (byte) ourPayload;
            out[o + 10] = (byte) (opt - OPT_FIXED);
            if (ecsAt >= 0) {
                System.arraycopy(p, ecsAt, out, o + OPT_FIXED, opt - OPT_FIXED);
                out[o + OPT_FIXED + 7] = (byte) ecsSource; // SCOPE PREFIX-LENGTH = SOURCE (RFC 7871 §7.2.1)
            }
        }
        return out;
    }

    /** Case-insensitive equality of the question's name with a lower-case wire name of the same length. */
    static boolean sameName(byte[] p, byte[] lowerWire) {
        for (int k = 0; k < lowerWire.length; k++) {
            if (lower(p[QueryDecoder.HEADER + k]) != lowerWire[k]) {
                return false;
            }
        }
        return true;
    }

    /** The hash {@link #parse} computes, over a lower-case wire name. */
    static int hash(byte[] wire, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) {
            h = 31 * h + wire[k];
        }
        return h;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    /** True when the 12 bytes at {@code at} are the IPv4-mapped prefix {@code ::ffff:0:0/96}. */
    private static boolean mapped(byte[] p, int at) {
        for (int k = 0; k < 10; k++) {
            if (p[at + k] != 0) {
                return false;
            }
        }
        return p[at + 10] == (byte) 0xFF && p[at + 11] == (byte) 0xFF;
    }

    private static int u16(byte[] b, int at) {
        return QueryDecoder.u16(b, at);
    }
}
