package io.lodestar.resolver;

import static io.lodestar.resolver.TestNode.access;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.resolver.wire.QueryDecoder;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/** The sampled query log: one line per N-th query, written off the query path, rotated by size. */
class QueryLogTest {

    @Test
    void logsEveryNthQueryWithClientNameTypeRcodeEcsAndAnswer(@TempDir Path dir) throws Exception {
        DnsConfig config = DnsConfig.of("127.0.0.1", 0).withQueryLog(dir, 10);
        try (TestNode node = TestNode.start(config, TestNode.snapshot(1, null,
                TestNode.entry("pb.example.com", "01-primary-backup")), DnsMetrics.NONE)) {
            for (int i = 0; i < 100; i++) {
                TestNode.ask(node.resolver(false, 1232, "202.96.128.0/24"), access("pb.example.com"), Type.A);
            }
        } // close() writes what is queued
        List<String> lines = Files.readAllLines(dir.resolve(QueryLog.FILE));
        assertEquals(10, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z 127\\.0\\.0\\.1 udp "
                + "pb\\.example\\.com\\.gtm\\.lodestar\\.test A NOERROR ecs=202\\.96\\.128\\.0/24 1\\.1\\.1\\.1"), lines.get(0));
    }

    @Test
    void rotatesPastTheSizeLimitKeepingAFewFiles(@TempDir Path dir) throws Exception {
        QueryLog log = new QueryLog(dir, 1, 400, 3, new Problems(1000));
        byte[] packet = Packets.query(1, access("pb.example.com"), Type.TXT);
        for (int i = 0; i < 60; i++) {
            QueryContext ctx = new QueryContext(TestNode.snapshot(1, null), Transport.TCP, InetAddress.getLoopbackAddress(),
                    packet, packet.length);
            ctx.query = QueryDecoder.decode(packet, packet.length);
            log.record(ctx);
        }
        log.close();
        assertTrue(Files.exists(dir.resolve("queries.log.1")));
        assertTrue(Files.exists(dir.resolve("queries.log.3")));
        assertTrue(!Files.exists(dir.resolve("queries.log.4")), "only three rotated files kept");
        assertTrue(Files.size(dir.resolve("queries.log.1")) < 400 + 200);
        assertTrue(Files.readString(dir.resolve("queries.log.1")).contains(" tcp pb.example.com.gtm.lodestar.test TXT NOERROR"));
    }
}
