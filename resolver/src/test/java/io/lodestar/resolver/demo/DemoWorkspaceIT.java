package io.lodestar.resolver.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.HttpNodeClient;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.resolver.NodeMain;
import io.lodestar.resolver.NodeOptions;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's demo workspace against a real node: measured health, a failing endpoint on purpose. */
class DemoWorkspaceIT {

    private static final String TOKEN = "demo-test-admin-token";

    @TempDir
    Path dir;

    private static NodeMain node(Path dir) throws Exception {
        Regions regions = Regions.load();
        return NodeMain.start(NodeOptions.parse(new String[] {"--data", dir.toString(), "--dns", "127.0.0.1:0",
                "--api", "127.0.0.1:0", "--admin-token", TOKEN}), regions, IpLocator.load(regions));
    }

    private static Map<String, String> status(NodeClient c, String domain) {
        return c.endpoints(domain).stream().collect(Collectors.toMap(EndpointInfo::endpoint, EndpointInfo::status));
    }

    private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.get()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void servedEndpointsGoOkTheUnservedOneFailsAndStoppingAServerFailsItsEndpoint() throws Exception {
        try (NodeMain n = node(dir)) {
            NodeClient c = new HttpNodeClient("http://127.0.0.1:" + n.node().apiAddress().getPort(), TOKEN);
            try (DemoWorkspace demo = DemoWorkspace.create(c)) {
                assertEquals(3, c.domains().size());
                assertTrue(c.domains().stream().allMatch(d -> !d.domain().startsWith("www") || d.hasDistribution()));
                await(() -> status(c, "api.example.com").equals(Map.of("127.0.0.5", "ok", "127.0.0.6", "ok", "127.0.0.7", "fail")),
                        "api endpoints ok, ok, fail");
                assertTrue(demo.stopServer("127.0.0.3"));
                await(() -> status(c, "www.example.com").get("127.0.0.3").equals("fail"), "127.0.0.3 fails once its server stops");
                demo.startServer("127.0.0.3");
                await(() -> status(c, "www.example.com").get("127.0.0.3").equals("ok"), "127.0.0.3 recovers");
            }
        }
    }

    @Test
    void aLaterRunServesTheDemoAgainOnItsMonitorsPort() throws Exception {
        try (NodeMain n = node(dir)) {
            NodeClient c = new HttpNodeClient("http://127.0.0.1:" + n.node().apiAddress().getPort(), TOKEN);
            int port;
            try (DemoWorkspace demo = DemoWorkspace.create(c)) {
                port = demo.port();
            }
            try (DemoWorkspace again = DemoWorkspace.resume(c)) {
                assertEquals(c.monitor("www.example.com").port(), again.port());
                await(() -> status(c, "www.example.com").values().stream().allMatch("ok"::equals), "www endpoints ok");
                assertTrue(port > 0);
            }
        }
    }
}
