package io.lodestar.resolver.bench;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.node.DomainEntry;
import io.lodestar.engine.node.Snapshot;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.StrategyCompiler;
import io.lodestar.engine.plan.UserGroups;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.resolver.DnsConfig;
import io.lodestar.resolver.DnsMetrics;
import io.lodestar.resolver.DnsServer;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.ClientSubnetOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Plain harness (run by {@code bench/dns-loop.sh}, not a test): an in-process server on loopback
 * and one client thread on a UDP socket. "closed loop" sends a query and waits for its answer;
 * "window N" keeps N queries in flight. Names: a static A record, and a composite mapping + wrr
 * name (seed scenario 06) asked with ECS from eight provinces/ISPs. Both sides share the machine's
 * cores, so the figures are a floor, not the server's capacity (dnsperf is for that: bench/dns.sh).
 */
public final class UdpLoopBenchmark {

    private UdpLoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int queries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int udpThreads = args.length > 1 ? Integer.parseInt(args[1]) : DnsConfig.DEFAULT_UDP_THREADS;
        Regions regions = Regions.load();
        UserGroups groups = new UserGroups(regions);
        Domain domain = new Domain("mix.example.com", true, DomainStatus.START, 60);
        String json = Files.readString(Path.of("engine/src/test/resources/scenarios/06-composite-mapping-wrr/strategy.json"));
        SeedJson.Document doc = new SeedJson(regions).read(json, domain.name());
        AnswerPlan plan = new StrategyCompiler(groups).compile(domain,
                StrategyTree.resolve(doc.strategy(), doc.endpointsConf(), regions), doc.endpointsConf(), e -> true);
        Snapshot snapshot = new Snapshot(1, "gtm.lodestar.test",
                Map.of("mix.example.com.gtm.lodestar.test", new DomainEntry(domain, plan)),
                Optional.of("www IN A 192.0.2.1\n"));
        DnsConfig config = DnsConfig.of("127.0.0.1", 0).withUdpThreads(udpThreads);
        try (DnsServer server = DnsServer.start(config, () -> snapshot, IpLocator.load(regions), groups, DnsMetrics.NONE);
             DatagramChannel client = DatagramChannel.open()) {
            client.connect(server.udpAddress());
            byte[][] statics = {query("www.gtm.lodestar.test.", null)};
            String[] subnets = {"202.96.128.0", "221.5.88.0", "111.13.100.0", "211.136.112.0", "58.247.0.0",
                "218.30.64.0", "116.228.111.0", "8.8.8.0"};
            byte[][] geo = new byte[subnets.length][];
            for (int i = 0; i < subnets.length; i++) {
                geo[i] = query("mix.example.com.gtm.lodestar.test.", subnets[i]);
            }
            System.out.printf(Locale.ROOT, "java %s, %d cores, udp threads %d, %d queries per run%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), udpThreads, queries);
            for (int round = 0; round < 3; round++) { // the first round warms up
                for (Map.Entry<String, byte[][]> e : List.of(Map.entry("static A     ", statics),
                        Map.entry("wrr+ECS geo  ", geo))) {
                    report(round, e.getKey() + " closed loop", run(client, e.getValue(), queries, 1), queries);
                    report(round, e.getKey() + " window 32  ", run(client, e.getValue(), queries, 32), queries);
                }
            }
        }
    }

    private static void report(int round, String what, long nanos, int queries) {
        System.out.printf(Locale.ROOT, "round %d  %s  %,10.0f q/s  (%.1f µs per query)%n", round, what,
                queries * 1e9 / nanos, nanos / 1e3 / queries);
    }

    /** Sends {@code n} queries keeping {@code window} in flight; returns the elapsed nanoseconds. */
    private static long run(DatagramChannel ch, byte[][] packets, int n, int window) throws Exception {
        ByteBuffer in = ByteBuffer.allocateDirect(4096);
        ByteBuffer[] out = new ByteBuffer[packets.length];
        for (int i = 0; i < packets.length; i++) {
            out[i] = ByteBuffer.allocateDirect(packets[i].length).put(packets[i]);
        }
        long start = System.nanoTime();
        int sent = 0;
        int received = 0;
        while (sent < Math.min(window, n)) {
            send(ch, out[sent % out.length], sent++);
        }
        while (received < n) {
            in.clear();
            ch.receive(in);
            received++;
            if (sent < n) {
                send(ch, out[sent % out.length], sent++);
            }
        }
        return System.nanoTime() - start;
    }

    private static void send(DatagramChannel ch, ByteBuffer packet, int id) throws Exception {
        packet.putShort(0, (short) id);
        packet.rewind();
        ch.write(packet);
    }

    private static byte[] query(String name, String subnet) throws Exception {
        Message m = Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, DClass.IN));
        OPTRecord opt = subnet == null ? new OPTRecord(1232, 0, 0)
                : new OPTRecord(1232, 0, 0, 0, new ClientSubnetOption(24, InetAddress.getByName(subnet)));
        m.addRecord(opt, Section.ADDITIONAL);
        return m.toWire();
    }

}
