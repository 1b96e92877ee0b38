package io.lodestar.resolver;

import static io.lodestar.resolver.TestNode.access;
import static io.lodestar.resolver.TestNode.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.model.Endpoint;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** The counters land in the registry given (never the default one), in Prometheus text format. */
class PrometheusDnsMetricsTest {

    @Test
    void countsQueriesByTypeAndRcodeAnswersPerEndpointAndTruncations() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        StringBuilder zone = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            zone.append("big IN A 10.0.0.").append(i).append('\n');
        }
        try (TestNode node = TestNode.start(DnsConfig.of("127.0.0.1", 0),
                TestNode.snapshot(1, zone.toString(), TestNode.entry("pb.example.com", "01-primary-backup")),
                new PrometheusDnsMetrics(registry))) {
            for (int i = 0; i < 3; i++) {
                ask(node.resolver(false), access("pb.example.com"), Type.A);
            }
            ask(node.resolver(false), "nope." + TestNode.ZONE + ".", Type.AAAA);
            ask(node.resolver(false), "big." + TestNode.ZONE + ".", Type.A);
            Packets.udp(node.udp(), Packets.query(1, "x.example.org.", 65_000), 2000);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        String text = out.toString(StandardCharsets.UTF_8);
        for (String line : new String[] {
            "lodestar_dns_queries_total{qtype=\"A\",rcode=\"NOERROR\"} 4.0",
            "lodestar_dns_queries_total{qtype=\"AAAA\",rcode=\"NXDOMAIN\"} 1.0",
            "lodestar_dns_queries_total{qtype=\"OTHER\",rcode=\"REFUSED\"} 1.0",
            "lodestar_dns_answers_total{domain=\"pb.example.com\",endpoint=\"1.1.1.1\"} 3.0",
            "lodestar_dns_truncated_total 1.0",
        }) {
            assertTrue(text.contains(line), line + " in\n" + text);
        }
        assertTrue(PrometheusRegistry.defaultRegistry.scrape().stream()
                .noneMatch(s -> s.getMetadata().getName().startsWith("lodestar_dns")), "default registry untouched");
    }

    @Test
    void equalEndpointsOfTwoSnapshotsCountIntoOneSeriesWhateverInstanceComes() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusDnsMetrics metrics = new PrometheusDnsMetrics(registry);
        List<Endpoint> first = TestNode.entry("wrr.example.com", "02-multi-active-wrr").plan().endpoints();
        List<Endpoint> second = TestNode.entry("wrr.example.com", "02-multi-active-wrr").plan().endpoints();
        assertEquals(first, second);
        for (int i = 0; i < 1000; i++) { // instances alternate: the identity cache misses and refills
            List<Endpoint> from = i % 3 == 0 ? second : first;
            metrics.answer(from.get(i % from.size()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        String text = out.toString(StandardCharsets.UTF_8);
        for (int e = 0; e < first.size(); e++) {
            int index = e;
            long expected = IntStream.range(0, 1000).filter(i -> i % first.size() == index).count();
            String line = "lodestar_dns_answers_total{domain=\"wrr.example.com\",endpoint=\"" + first.get(e).key() + "\"} "
                    + expected + ".0";
            assertTrue(text.contains(line), line + " in\n" + text);
        }
    }
}
