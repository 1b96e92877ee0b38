package io.lodestar.resolver.wire;

/**
 * The protocol numbers the pipeline reasons about (RFC 1035 §3.2.2, §4.1.1; RFC 6891 §9), as plain
 * ints so that stages outside this package need no dnsjava type. {@code DnsCodesTest} checks each
 * against dnsjava's own constants.
 */
public final class DnsCodes {

    public static final int NOERROR = 0;
    public static final int FORMERR = 1;
    public static final int SERVFAIL = 2;
    public static final int NXDOMAIN = 3;
    public static final int NOTIMP = 4;
    public static final int REFUSED = 5;
    public static final int NOTAUTH = 9;
    /** Extended RCODE (RFC 6891 §9): 12 bits, upper 8 travel in the OPT record. */
    public static final int BADVERS = 16;

    public static final int A = 1;
    public static final int NS = 2;
    public static final int CNAME = 5;
    public static final int SOA = 6;
    public static final int PTR = 12;
    public static final int MX = 15;
    public static final int TXT = 16;
    public static final int AAAA = 28;
    public static final int SRV = 33;
    public static final int OPT = 41;
    public static final int DS = 43;
    public static final int TSIG = 250;
    public static final int IXFR = 251;
    public static final int AXFR = 252;
    public static final int MAILB = 253;
    public static final int MAILA = 254;
    public static final int ANY = 255;

    public static final int CLASS_IN = 1;
    public static final int CLASS_ANY = 255;

    public static final int OPCODE_QUERY = 0;

    private DnsCodes() {
    }

    /** Mnemonic of a type ({@code A}, {@code TYPE65280}), for logs: not on the query path. */
    public static String typeName(int type) {
        return org.xbill.DNS.Type.string(type);
    }

    /** Mnemonic of an rcode, extended ones included ({@code BADVERS}), for logs. */
    public static String rcodeName(int rcode) {
        return org.xbill.DNS.Rcode.string(rcode);
    }
}
