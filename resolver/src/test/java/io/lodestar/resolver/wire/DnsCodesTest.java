package io.lodestar.resolver.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** The plain-int protocol numbers agree with dnsjava's. */
class DnsCodesTest {

    @Test
    void codesMatchDnsjava() {
        assertEquals(Rcode.NOERROR, DnsCodes.NOERROR);
        assertEquals(Rcode.FORMERR, DnsCodes.FORMERR);
        assertEquals(Rcode.SERVFAIL, DnsCodes.SERVFAIL);
        assertEquals(Rcode.NXDOMAIN, DnsCodes.NXDOMAIN);
        assertEquals(Rcode.NOTIMP, DnsCodes.NOTIMP);
        assertEquals(Rcode.REFUSED, DnsCodes.REFUSED);
        assertEquals(Rcode.BADVERS, DnsCodes.BADVERS);
        int[][] types = {{Type.A, DnsCodes.A}, {Type.NS, DnsCodes.NS}, {Type.CNAME, DnsCodes.CNAME},
            {Type.SOA, DnsCodes.SOA}, {Type.PTR, DnsCodes.PTR}, {Type.MX, DnsCodes.MX}, {Type.TXT, DnsCodes.TXT},
            {Type.AAAA, DnsCodes.AAAA}, {Type.SRV, DnsCodes.SRV}, {Type.OPT, DnsCodes.OPT}, {Type.DS, DnsCodes.DS},
            {Type.TSIG, DnsCodes.TSIG}, {Type.IXFR, DnsCodes.IXFR}, {Type.AXFR, DnsCodes.AXFR},
            {Type.MAILB, DnsCodes.MAILB}, {Type.MAILA, DnsCodes.MAILA}, {Type.ANY, DnsCodes.ANY}};
        for (int[] t : types) {
            assertEquals(t[0], t[1], Type.string(t[0]));
        }
        assertEquals(DClass.IN, DnsCodes.CLASS_IN);
        assertEquals(DClass.ANY, DnsCodes.CLASS_ANY);
        assertEquals(Opcode.QUERY, DnsCodes.OPCODE_QUERY);
    }
}
