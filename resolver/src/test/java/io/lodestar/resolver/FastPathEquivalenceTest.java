package io.lodestar.resolver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.node.DomainEntry;
import io.lodestar.engine.node.Snapshot;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.resolver.wire.ZoneViews;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The fast path answers byte for byte as the stages do: thousands of generated queries (names in
 * mixed case, A/AAAA and other types, with and without EDNS, ECS of every prefix length in both
 * families, IPv4-mapped, malformed ECS, stopped, paused, empty, CNAME and CIDR names, static and
 * foreign names, UDP and TCP) go through a pipeline with the fast path and one without, with the
 * same draw, and the replies and metrics must be equal; a good share must take the fast path.
 */
class FastPathEquivalenceTest {

    private static final String[] MANAGED = {"mix", "six", "cidr", "stopped", "paused", "chain", "empty"};
    private static final String[] OTHER = {"www." + TestNode.ZONE, TestNode.ZONE, "nope." + TestNode.ZONE,
        "www.example.org"};
    private static final String[] SOURCES = {"202.96.128.1", "221.5.88.7", "111.13.100.9", "211.136.112.50",
        "58.247.0.1", "218.30.64.3", "116.228.111.8", "8.8.8.8", "127.0.0.1", "2001:db8::1"};
    private static final int[] TYPES = {Type.A, Type.AAAA, Type.A, Type.AAAA, Type.MX, Type.ANY, Type.CNAME, Type.TXT};

    private final Random rnd = new Random(20_261_123);
    private double draw;

    @Test
    void fastPathRepliesAreTheStagesRepliesByteForByte() throws Exception {
        Snapshot[] snapshots = {snapshot(1, DomainStatus.START, DomainStatus.PAUSE),
            snapshot(2, DomainStatus.STOP, DomainStatus.START)};
        Snapshot[] current = {snapshots[0]};
        CountingMetrics slowMetrics = new CountingMetrics();
        CountingMetrics fastMetrics = new CountingMetrics();
        QueryPipeline slow = pipeline(current, slowMetrics, false);
        QueryPipeline fast = pipeline(current, fastMetrics, true);
        FastPathStage stage = new FastPathStage(new ZoneViews(null, p -> { }),
                new LocateClientStage(TestNode.LOCATOR, TestNode.GROUPS), () -> draw, DnsMetrics.NONE, null, 1232);
        int n = 20_000;
        int taken = 0;
        for (int k = 0; k < n; k++) {
            current[0] = snapshots[k / 5_000 % 2];
            byte[] q = query();
            Transport transport = rnd.nextInt(20) == 0 ? Transport.TCP : Transport.UDP;
            InetAddress source = InetAddress.getByName(SOURCES[rnd.nextInt(SOURCES.length)]);
            draw = rnd.nextDouble();
            byte[] expected = slow.handle(q, q.length, transport, source);
            byte[] actual = fast.handle(q, q.length, transport, source);
            String what = "query " + HexFormat.of().formatHex(q) + " from " + source + " " + transport;
            assertArrayEquals(expected, actual, what);
            if (stage.answer(current[0], q, q.length, transport, source) != null) {
                taken++;
                assertArrayEquals(expected, stage.answer(current[0], q, q.length, transport, source), what);
            }
        }
        assertTrue(taken > n / 20, "fast path taken " + taken + " times of " + n);
        assertEquals(slowMetrics.byRcode.toString(), fastMetrics.byRcode.toString());
        assertEquals(counts(slowMetrics), counts(fastMetrics));
    }

    private QueryPipeline pipeline(Snapshot[] current, DnsMetrics metrics, boolean fastPath) {
        DnsConfig config = DnsConfig.of("127.0.0.1", 0);
        return new QueryPipeline(config, () -> current[0], new ZoneViews(null, p -> { }), TestNode.LOCATOR,
                TestNode.GROUPS, metrics, null, new Problems(60_000), () -> draw, fastPath);
    }

    private static Map<String, Long> counts(CountingMetrics m) {
        Map<String, Long> out = new TreeMap<>();
        m.answers.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static Snapshot snapshot(long version, DomainStatus stopped, DomainStatus paused) {
        AnswerPlan emptyPlan = AnswerPlan.empty(TestNode.domain("empty", DomainStatus.START, 60), TestNode.GROUPS);
        return TestNode.snapshot(version, "www IN A 192.0.2.1\n",
                entry("mix", DomainStatus.START, 60, "06-composite-mapping-wrr"),
                entry("six", DomainStatus.START, 300, "09-ipv6-family"),
                entry("cidr", DomainStatus.START, 30, "08-cidr-longest-prefix"),
                entry("stopped", stopped, 60, "02-multi-active-wrr"),
                entry("paused", paused, 86_400, "02-multi-active-wrr"),
                entry("chain", DomainStatus.START, 60, "07-edgeone-finer-region-wins"),
                new DomainEntry(TestNode.domain("empty", DomainStatus.START, 60), emptyPlan));
    }

    private static DomainEntry entry(String name, DomainStatus status, int ttl, String scenario) {
        var d = TestNode.domain(name, status, ttl);
        return new DomainEntry(d, TestNode.plan(scenario, d, Set.of()));
    }

    private byte[] query() throws Exception {
        String name = rnd.nextInt(6) == 0 ? OTHER[rnd.nextInt(OTHER.length)]
                : MANAGED[rnd.nextInt(MANAGED.length)] + "." + TestNode.ZONE;
        int qclass = rnd.nextInt(30) == 0 ? DClass.ANY : rnd.nextInt(30) == 0 ? DClass.CH : DClass.IN;
        Message m = Message.newQuery(Record.newRecord(Name.fromString(mixedCase(name) + "."),
                TYPES[rnd.nextInt(TYPES.length)], qclass));
        m.getHeader().setID(rnd.nextInt(65_536));
        for (int flag : new int[] {org.xbill.DNS.Flags.RD, org.xbill.DNS.Flags.CD, org.xbill.DNS.Flags.AD}) {
            if (rnd.nextBoolean()) {
                m.getHeader().setFlag(flag);
            } else {
                m.getHeader().unsetFlag(flag);
            }
        }
        int edns = rnd.nextInt(4);
        if (edns > 0) {
            int payload = List.of(512, 1232, 4096, 100, 65_535).get(rnd.nextInt(5));
            int version = rnd.nextInt(20) == 0 ? 1 : 0;
            int flags = rnd.nextBoolean() ? 0x8000 : 0;
            OPTRecord opt = edns == 1 ? new OPTRecord(payload, 0, version, flags)
                    : new OPTRecord(payload, 0, version, flags, options());
            m.addRecord(opt, Section.ADDITIONAL);
        }
        byte[] wire = m.toWire();
        return rnd.nextInt(50) == 0 ? Arrays.copyOf(wire, wire.length + 1) : wire; // trailing garbage
    }

    private org.xbill.DNS.EDNSOption[] options() throws Exception {
        int family = rnd.nextInt(3) == 0 ? 2 : 1;
        int max = family == 1 ? 32 : 128;
        int source = rnd.nextInt(4) == 0 ? rnd.nextInt(max + 1) : family == 1 ? 24 : 56;
        byte[] address = new byte[max / 8];
        rnd.nextBytes(address);
        if (family == 1 && rnd.nextBoolean()) {
            address = InetAddress.getByName(SOURCES[rnd.nextInt(8)]).getAddress();
        } else if (family == 2 && rnd.nextBoolean()) { // IPv4-mapped
            byte[] v4 = InetAddress.getByName(SOURCES[rnd.nextInt(8)]).getAddress();
            address = new byte[16];
            address[10] = (byte) 0xFF;
            address[11] = (byte) 0xFF;
            System.arraycopy(v4, 0, address, 12, 4);
            source = 96 + rnd.nextInt(33);
        }
        int bytes = (source + 7) / 8;
        byte[] data = new byte[4 + bytes];
        data[1] = (byte) family;
        data[2] = (byte) source;
        data[3] = (byte) (rnd.nextInt(20) == 0 ? rnd.nextInt(max + 1) : 0); // a scope in a query: tolerated
        System.arraycopy(address, 0, data, 4, bytes);
        if (source % 8 != 0 && rnd.nextInt(20) != 0) { // else a bit set beyond the prefix: FORMERR
            data[3 + bytes] &= (byte) (0xFF << (8 - source % 8));
        }
        var ecs = new GenericEDNSOption(8, data);
        switch (rnd.nextInt(12)) {
            case 0:
                return new org.xbill.DNS.EDNSOption[] {ecs, ecs};
            case 1:
                return new org.xbill.DNS.EDNSOption[] {new GenericEDNSOption(10, new byte[8]), ecs};
            default:
                return new org.xbill.DNS.EDNSOption[] {ecs};
        }
    }

    private String mixedCase(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            sb.append(rnd.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return sb.toString().toLowerCase(Locale.ROOT).equals(name) ? sb.toString() : name;
    }
}
