package io.lodestar.resolver.wire;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.ClientSubnetOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The DNS side of HTTPDNS ({@code GET /d?dn=&ip=}): a query for a name with the app's address as
 * EDNS Client Subnet (RFC 7871, full-length source prefix), and the answer read back as addresses,
 * CNAME targets and the TTL. The query goes through the same pipeline as one over the wire, so the
 * JSON says exactly what DNS would.
 */
public final class HttpDnsCodec {

    /** An answer, read off the DNS response. */
    public record Answer(String rcode, long ttl, List<String> addresses, List<String> cnames) {
    }

    private HttpDnsCodec() {
    }

    /**
     * A query for {@code name} (absolute or not) and {@code qtype} ({@code A} or {@code AAAA}), with
     * the client's address as ECS when {@code client} is not null.
     *
     * @throws IllegalArgumentException if the name is not a DNS name
     */
    public static byte[] query(String name, String qtype, InetAddress client) {
        try {
            Name n = Name.fromString(name.endsWith(".") ? name : name + ".");
            Message m = Message.newQuery(Record.newRecord(n, Type.value(qtype), DClass.IN));
            m.getHeader().unsetFlag(Flags.RD);
            if (client != null) {
                int prefix = client.getAddress().length * 8;
                m.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(new ClientSubnetOption(prefix, client))),
                        Section.ADDITIONAL);
            }
            return m.toWire();
        } catch (TextParseException e) {
            throw new IllegalArgumentException("'" + name + "' is not a domain name");
        }
    }

    /** Reads a response: A/AAAA addresses and CNAME targets of the answer section, the smallest TTL. */
    public static Answer read(byte[] response) throws IOException {
        Message m = new Message(response);
        List<String> addresses = new ArrayList<>();
        List<String> cnames = new ArrayList<>();
        long ttl = -1;
        for (Record r : m.getSection(Section.ANSWER)) {
            if (r instanceof ARecord) {
                addresses.add(((ARecord) r).getAddress().getHostAddress());
            } else if (r instanceof AAAARecord) {
                addresses.add(((AAAARecord) r).getAddress().getHostAddress());
            } else if (r instanceof CNAMERecord) {
                cnames.add(((CNAMERecord) r).getTarget().toString(true));
            } else {
                continue;
            }
            ttl = ttl < 0 ? r.getTTL() : Math.min(ttl, r.getTTL());
        }
        return new Answer(Rcode.string(m.getRcode()), Math.max(ttl, 0), addresses, cnames);
    }

    /** The smallest TTL of any record in the response (RFC 8484 §5.1 freshness), or 0 without records. */
    public static long minTtl(byte[] response) {
        try {
            Message m = new Message(response);
            long ttl = -1;
            for (int s : new int[] {Section.ANSWER, Section.AUTHORITY}) {
                for (Record r : m.getSection(s)) {
                    ttl = ttl < 0 ? r.getTTL() : Math.min(ttl, r.getTTL());
                }
            }
            return Math.max(ttl, 0);
        } catch (IOException e) {
            return 0;
        }
    }
}
