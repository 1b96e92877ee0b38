package io.lodestar.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.node.Node;
import io.lodestar.engine.testing.Fixtures;
import io.lodestar.resources.ip.IpLocator;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over HTTPS when a PEM certificate and key are given (CONTRACT §1 --tls-cert/--tls-key). */
class HttpsApiIT {

    @TempDir
    Path dir;

    @Test
    void apiIsServedOverHttpsWithTheGivenCertificate() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl failed: " + log);

        try (Node node = Node.start(new Node.Config(dir.resolve("data"), "gtm.lodestar.test.",
                new InetSocketAddress("127.0.0.1", 0), Optional.of(NodeFixture.ADMIN), "none.CN/other",
                Optional.of(cert), Optional.of(key), Optional.empty()),
                Fixtures.REGIONS, IpLocator.load(Fixtures.REGIONS), (t, z) -> List.of(), new PrometheusRegistry())) {
            URI uri = URI.create("https://127.0.0.1:" + node.apiAddress().getPort() + "/v1/domains");
            HttpRequest get = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + NodeFixture.ADMIN).build();

            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(cert)).build();
            HttpResponse<String> r = trusting.send(get, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("[]", r.body());

            HttpClient defaults = HttpClient.newHttpClient();
            assertThrows(SSLHandshakeException.class, () -> defaults.send(get, HttpResponse.BodyHandlers.ofString()));
        }
    }

    private static SSLContext trusting(Path cert) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            ks.setCertificateEntry("node", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
