package io.lodestar.engine.health;

import static io.lodestar.engine.health.Targets.DOMAIN;
import static io.lodestar.engine.health.Targets.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.lodestar.engine.health.Targets.M;
import io.lodestar.engine.model.EndpointValue;
import io.lodestar.engine.model.Monitor.Protocol;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each probe kind against real servers on loopback: the verdict of one probe and its reason. */
class ProbersIT {

    @TempDir
    static Path dir;

    static TestTls tls;
    static HttpServer http;
    static HttpsServer https;
    static Probers probers;
    static Probers trustingProbers;
    static final List<String> hosts = new CopyOnWriteArrayList<>();
    static final List<String> sniNames = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void servers() throws Exception {
        tls = TestTls.create(dir);
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        http.createContext("/", ProbersIT::handle);
        http.start();
        https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        https.setHttpsConfigurator(new HttpsConfigurator(tls.server) {
            @Override
            public void configure(HttpsParameters p) {
                SSLParameters sp = getSSLContext().getDefaultSSLParameters();
                sp.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        sniNames.add(new String(name.getEncoded(), StandardCharsets.US_ASCII));
                        return true;
                    }
                }));
                p.setSSLParameters(sp);
            }
        });
        https.createContext("/", ProbersIT::handle);
        https.start();
        probers = new Probers(Probers.Options.defaults(), SSLContext.getDefault(), Clock.systemUTC(), System::nanoTime);
        trustingProbers = new Probers(Probers.Options.defaults(), tls.trusting, Clock.systemUTC(), System::nanoTime);
    }

    @AfterAll
    static void stop() {
        http.stop(0);
        https.stop(0);
        probers.close();
        trustingProbers.close();
    }

    private static void handle(HttpExchange ex) throws IOException {
        hosts.add(ex.getRequestHeaders().getFirst("Host"));
        String path = ex.getRequestURI().getPath();
        int code = path.equals("/broken") ? 500 : path.equals("/moved") ? 302 : path.equals("/empty") ? 204 : 200;
        byte[] body = "<html>lodestar says hello</html>".getBytes(StandardCharsets.UTF_8);
        if (code == 204) {
            ex.sendResponseHeaders(204, -1);
        } else {
            ex.sendResponseHeaders(code, path.equals("/chunked") ? 0 : body.length);
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    private static ProbeResult probe(Prober p, ProbeTarget t) throws Exception {
        return p.probe(t).get(10, TimeUnit.SECONDS);
    }

    private static Failure.Kind kind(ProbeResult r) {
        return r.failure().map(Failure::kind).orElse(null);
    }

    @Test
    void tcpProbeSucceedsAgainstAListener() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProbeResult r = probe(probers, target(Targets.monitor(Protocol.TCP, s.getLocalPort())));
            assertTrue(r.ok(), r::words);
            assertTrue(r.latency().toMillis() < 1000);
        }
    }

    @Test
    void tcpProbeIsRefusedByAClosedPort() throws Exception {
        ProbeResult r = probe(probers, target(Targets.monitor(Protocol.TCP, closedPort())));
        assertEquals(Failure.Kind.REFUSED, kind(r), r::words);
    }

    @Test
    void tcpProbeTimesOutWhenTheListenersBacklogIsFull() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fill = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Socket c = new Socket();
                try {
                    c.connect(s.getLocalSocketAddress(), 200);
                } catch (IOException full) {
                    // the queue is full: what we wanted
                }
                fill.add(c);
            }
            long t0 = System.nanoTime();
            ProbeResult r = probe(probers, target(Targets.monitor(Protocol.TCP, s.getLocalPort())));
            assertEquals(Failure.Kind.TIMEOUT, kind(r), r::words);
            assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "gave up at the 1 s timeout");
            for (Socket c : fill) {
                c.close();
            }
        }
    }

    @Test
    void httpProbeSucceedsOnTheDefault2xxOr3xxAndFindsTheBodyText() throws Exception {
        int port = http.getAddress().getPort();
        assertTrue(probe(probers, target(new M(Protocol.HTTP, port).body("says hello").build())).ok());
        assertTrue(probe(probers, target(new M(Protocol.HTTP, port).path("/moved").build())).ok());
        assertTrue(probe(probers, target(new M(Protocol.HTTP, port).path("/chunked").body("hello</html>").build())).ok(),
                "chunked body decoded");
        assertTrue(probe(probers, target(new M(Protocol.HTTP, port).method("HEAD").build())).ok());
    }

    @Test
    void httpProbeSendsTheMonitorsHostHeaderElseTheDomain() throws Exception {
        int port = http.getAddress().getPort();
        hosts.clear();
        probe(probers, target(new M(Protocol.HTTP, port).build()));
        probe(probers, target(new M(Protocol.HTTP, port).host("origin.example.test:8080").build()));
        assertEquals(List.of(DOMAIN, "origin.example.test:8080"), hosts);
    }

    @Test
    void httpProbeFailsOnAnUnexpectedStatusWithTheCode() throws Exception {
        int port = http.getAddress().getPort();
        ProbeResult r = probe(probers, target(new M(Protocol.HTTP, port).path("/broken").build()));
        assertEquals(Failure.Kind.STATUS, kind(r));
        assertEquals(500, r.failure().orElseThrow().statusCode().orElseThrow());
        assertEquals("status 500", r.words());
        assertTrue(probe(probers, target(new M(Protocol.HTTP, port).path("/broken").codes("5xx").build())).ok());
        assertEquals(Failure.Kind.STATUS, kind(probe(probers, target(new M(Protocol.HTTP, port).path("/moved").codes("2xx").build()))));
        assertTrue(probe(probers, target(new M(Protocol.HTTP, port).path("/empty").codes("204").build())).ok());
    }

    @Test
    void httpProbeFailsOnBodyMismatch() throws Exception {
        ProbeResult r = probe(probers, target(new M(Protocol.HTTP, http.getAddress().getPort()).body("goodbye").build()));
        assertEquals(Failure.Kind.BODY_MISMATCH, kind(r), r::words);
    }

    @Test
    void httpProbeTimesOutOnAServerThatNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long t0 = System.nanoTime();
            ProbeResult r = probe(probers, target(new M(Protocol.HTTP, silent.getLocalPort()).build()));
            assertEquals(Failure.Kind.TIMEOUT, kind(r), r::words);
            assertTrue(System.nanoTime() - t0 < 3_000_000_000L);
        }
    }

    @Test
    void httpProbeIsRefusedByAClosedPortAndResetByAServerThatDropsTheConnection() throws Exception {
        assertEquals(Failure.Kind.REFUSED, kind(probe(probers, target(new M(Protocol.HTTP, closedPort()).build()))));
        try (ServerSocket rude = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket c = rude.accept()) {
                    c.getInputStream().read(new byte[64]);
                    c.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // closed
                }
            });
            t.start();
            ProbeResult r = probe(probers, target(new M(Protocol.HTTP, rude.getLocalPort()).build()));
            assertEquals(Failure.Kind.RESET, kind(r), r::words);
            t.join(2000);
        }
    }

    @Test
    void httpsProbeFailsOnUntrustedCertificateUnlessVerificationIsOff() throws Exception {
        int port = https.getAddress().getPort();
        ProbeResult r = probe(probers, target(new M(Protocol.HTTPS, port).host("probe.test").build()));
        assertEquals(Failure.Kind.TLS, kind(r), r::words);
        assertEquals("tls: certificate not trusted", r.words());
        ProbeResult off = probe(probers, target(new M(Protocol.HTTPS, port).host("probe.test").verifyTls(false).build()));
        assertTrue(off.ok(), off::words);
    }

    @Test
    void httpsProbeSendsTheHostAsSniAndChecksTheCertificateAgainstIt() throws Exception {
        int port = https.getAddress().getPort();
        sniNames.clear();
        ProbeResult r = probe(trustingProbers, target(new M(Protocol.HTTPS, port).host("probe.test").build()));
        assertTrue(r.ok(), r::words);
        assertEquals(List.of("probe.test"), sniNames);
        ProbeResult wrong = probe(trustingProbers, target(new M(Protocol.HTTPS, port).build()));
        assertEquals(Failure.Kind.TLS, kind(wrong), wrong::words);
        assertTrue(wrong.words().startsWith("tls: host name mismatch"), wrong::words);
    }

    @Test
    void cnameEndpointIsProbedAtTheAddressItsNameResolvesTo() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            ProbeTarget cname = new ProbeTarget(DOMAIN, "localhost", new EndpointValue.Cname("localhost"),
                    Targets.monitor(Protocol.TCP, s.getLocalPort()));
            assertTrue(probe(probers, cname).ok());
            ProbeTarget nowhere = new ProbeTarget(DOMAIN, "nowhere.invalid", new EndpointValue.Cname("nowhere.invalid"),
                    Targets.monitor(Protocol.HTTP, s.getLocalPort()));
            assertEquals(Failure.Kind.UNRESOLVED, kind(probe(probers, nowhere)));
        }
    }

    @Test
    void pingProbeSaysIcmpIsUnavailableWithoutAPingProgramInsteadOfFakingIt() throws Exception {
        PingProber ping = new PingProber(dir.resolve("no-such-ping").toString(), Runnable::run, Clock.systemUTC(), System::nanoTime);
        ProbeResult r = probe(ping, target(Targets.monitor(Protocol.PING, 0)));
        assertEquals(Failure.Kind.ICMP_UNAVAILABLE, kind(r), r::words);
    }

    @Test
    void pingProbeSaysIcmpIsUnavailableWhenPingMayNotOpenItsSocket() throws Exception {
        Path script = dir.resolve("denied-ping");
        java.nio.file.Files.writeString(script, "#!/bin/sh\necho 'ping: socket: Operation not permitted' >&2\nexit 2\n");
        assertTrue(script.toFile().setExecutable(true));
        PingProber ping = new PingProber(script.toString(), Runnable::run, Clock.systemUTC(), System::nanoTime);
        ProbeResult r = probe(ping, target(Targets.monitor(Protocol.PING, 0)));
        assertEquals("icmp unavailable: ping: socket: Operation not permitted", r.words());
    }

    @Test
    void pingProbeEchoesLoopbackWhereThisMachineHasPing() throws Exception {
        Optional<Path> ping = java.util.stream.Stream.of("/bin/ping", "/usr/bin/ping", "/sbin/ping").map(Path::of)
                .filter(java.nio.file.Files::isExecutable).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(ping.isPresent(), "no ping program here");
        ProbeResult r = probe(new PingProber(ping.get().toString(), Runnable::run, Clock.systemUTC(), System::nanoTime),
                target(Targets.monitor(Protocol.PING, 0)));
        assertTrue(r.ok() || kind(r) == Failure.Kind.ICMP_UNAVAILABLE, r::words);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
