package io.lodestar.engine.notify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link WebhookChannel} against a real HTTP server on loopback. */
class WebhookChannelIT {

    static final String SECRET = "node-secret-for-tests";
    static final Alert DOWN = Alert.endpointDown("www.example.com", "1.1.1.1", Instant.parse("2025-03-01T08:00:00Z"),
            "2 of last 3 probes failed: connection refused");

    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final AtomicInteger retries = new AtomicInteger();
    final WebhookChannel channel = new WebhookChannel(SECRET, Duration.ofSeconds(5), scheduler, new SplittableRandom(7),
            retries::incrementAndGet);
    final WebhookReceiver receiver = new WebhookReceiver();

    WebhookChannelIT() throws Exception {
    }

    @AfterEach
    void stop() {
        receiver.close();
        scheduler.shutdownNow();
    }

    private static Outcome await(CompletableFuture<Outcome> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void webhookIsSignedWithHmacSha256() throws Exception {
        Outcome o = await(channel.send(receiver.uri(), DOWN, Backoff.once()));
        assertEquals(new Outcome(Outcome.Status.SENT, "HTTP 200", 1), o);

        WebhookReceiver.Received r = receiver.next();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertEquals("sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body())), r.header("X-Lodestar-Signature"));
        assertTrue(r.header("Content-Type").startsWith("application/json"));

        JsonNode json = new ObjectMapper().readTree(r.body());
        assertEquals("endpoint_down", json.get("kind").asText());
        assertEquals("www.example.com", json.get("domain").asText());
        assertEquals("1.1.1.1", json.get("endpoint").asText());
        assertEquals("www.example.com/1.1.1.1", json.get("incident").asText());
        assertEquals("2025-03-01T08:00:00Z", json.get("time").asText());
        assertEquals("www.example.com: 1.1.1.1 is down", json.get("title").asText());
        assertEquals(DOWN.text(), json.get("text").asText());
    }

    @Test
    void webhookIsRetriedWithBackoffAfter503() throws Exception {
        receiver.answer(200, 503);
        Outcome o = await(channel.send(receiver.uri(), DOWN, new Backoff(4, Duration.ofMillis(100), Duration.ofSeconds(1))));
        assertEquals(new Outcome(Outcome.Status.SENT, "HTTP 200", 2), o);
        WebhookReceiver.Received first = receiver.next();
        WebhookReceiver.Received second = receiver.next();
        assertArrayEquals(first.body(), second.body(), "a retry repeats the same signed body");
        assertEquals(first.header("X-Lodestar-Delivery"), second.header("X-Lodestar-Delivery"));
        assertTrue(second.nanos() - first.nanos() >= TimeUnit.MILLISECONDS.toNanos(50),
                "the retry waited at least half the first pause");
        assertEquals(1, retries.get());
    }

    @Test
    void webhookGivesUpAfterBoundedAttempts() throws Exception {
        receiver.answer(500);
        Outcome o = await(channel.send(receiver.uri(), DOWN, new Backoff(3, Duration.ofMillis(10), Duration.ofMillis(40))));
        assertEquals(new Outcome(Outcome.Status.FAILED, "HTTP 500 (gave up after 3 attempts)", 3), o);
        receiver.next();
        receiver.next();
        receiver.next();
        receiver.assertNoMore(Duration.ofMillis(200));
    }

    @Test
    void refusedConnectionIsRetriedThenReportedInWords() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Outcome o = await(channel.send(URI.create("http://127.0.0.1:" + port + "/hook"), DOWN,
                new Backoff(2, Duration.ofMillis(10), Duration.ofMillis(10))));
        assertEquals(Outcome.Status.FAILED, o.status());
        assertEquals(2, o.attempts());
        assertTrue(o.detail().startsWith("connection refused"), o.detail());
    }

    @Test
    void clientErrorIsNotRetried() throws Exception {
        receiver.answer(404);
        Outcome o = await(channel.send(receiver.uri(), DOWN, new Backoff(5, Duration.ofMillis(10), Duration.ofMillis(10))));
        assertEquals(new Outcome(Outcome.Status.FAILED, "HTTP 404", 1), o);
        receiver.next();
        receiver.assertNoMore(Duration.ofMillis(100));
    }

    @Test
    void sendReturnsBeforeTheReceiverAnswers() throws Exception {
        CountDownLatch gate = receiver.hold();
        CompletableFuture<Outcome> f = channel.send(receiver.uri(), DOWN, Backoff.once());
        receiver.next();
        assertFalse(f.isDone(), "the caller was not kept waiting for the answer");
        gate.countDown();
        assertTrue(await(f).ok());
    }
}
