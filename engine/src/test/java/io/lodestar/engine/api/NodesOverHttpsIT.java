package io.lodestar.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.node.Node;
import io.lodestar.engine.testing.Fixtures;
import io.lodestar.resources.ip.IpLocator;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes that serve their API over HTTPS with self-signed certificates reach each other when each is
 * given the other's certificate ({@code --peer-ca}), and refuse to when not (issue 8: "HTTPS when
 * certificates are given").
 */
class NodesOverHttpsIT {

    @TempDir
    Path dir;

    private Path cert;
    private Path key;

    private void certificate() throws Exception {
        cert = dir.resolve("cert.pem");
        key = dir.resolve("key.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl failed: " + log);
    }

    private Node start(String name, Optional<Path> peerCa) throws Exception {
        return Node.start(new Node.Config(dir.resolve(name), "gtm.lodestar.test.", new InetSocketAddress("127.0.0.1", 0),
                        Optional.of(NodeFixture.ADMIN), "none.CN/other", Optional.of(cert), Optional.of(key), Optional.empty(),
                        Optional.empty(), Optional.empty(), peerCa),
                Fixtures.REGIONS, IpLocator.load(Fixtures.REGIONS), (t, z) -> List.of(), new PrometheusRegistry());
    }

    private HttpResponse<String> call(Node node, String method, String path, String body) throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(TlsContexts.trusting(cert)).build();
        HttpRequest r = HttpRequest.newBuilder(URI.create(url(node) + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + NodeFixture.ADMIN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return https.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static String url(Node node) {
        return "https://127.0.0.1:" + node.apiAddress().getPort();
    }

    @Test
    void aMemberJoinsAndFollowsOverHttpsWhenEachNodeTrustsTheOthersCertificate() throws Exception {
        certificate();
        try (Node control = start("control", Optional.of(cert)); Node member = start("member", Optional.of(cert))) {
            HttpResponse<String> join = call(control, "POST", "/v1/nodes",
                    "{\"url\":\"" + url(member) + "\",\"token\":\"" + NodeFixture.ADMIN + "\"}");
            assertEquals(200, join.statusCode(), join.body());
            assertEquals(200, call(control, "POST", "/v1/domains", "[{\"domain\":\"www.example.com\"}]").statusCode());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!(member.services().domains().list().size() == 1
                    && member.cluster().snapshotVersion() == control.cluster().snapshotVersion())) {
                assertTrue(System.nanoTime() < deadline, "the member did not get the domain over HTTPS");
                Thread.sleep(50);
            }
        }
    }

    @Test
    void aNodeNotGivenThePeersCertificateRefusesToTalkToIt() throws Exception {
        certificate();
        try (Node control = start("control", Optional.empty()); Node member = start("member", Optional.of(cert))) {
            HttpResponse<String> join = call(control, "POST", "/v1/nodes",
                    "{\"url\":\"" + url(member) + "\",\"token\":\"" + NodeFixture.ADMIN + "\"}");
            assertNotEquals(200, join.statusCode(), join.body());
            assertTrue(member.cluster().snapshotVersion() == 0, "nothing reached the member");
        }
    }
}
