package io.lodestar.engine.notify;

import io.lodestar.engine.testing.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.lodestar.engine.config.NotFound;
import io.lodestar.engine.model.Contact;
import io.lodestar.engine.model.ContactGroup;
import io.lodestar.engine.store.Database;
import io.lodestar.engine.store.EventKind;
import io.lodestar.engine.store.Migrations;
import io.lodestar.engine.store.Store;
import io.lodestar.engine.testing.Fixtures;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The {@link Notifier} on a real store, GreenMail SMTP and a loopback webhook receiver. */
class NotifierIT {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = MailServers.greenMail();

    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    static final String D = "www.example.com";

    @TempDir
    Path dir;

    final TestClock clock = new TestClock(T0);
    final PrometheusRegistry registry = new PrometheusRegistry();
    final List<AutoCloseable> open = new ArrayList<>();
    final WebhookReceiver receiver = new WebhookReceiver();
    Store store;

    NotifierIT() throws Exception {
        open.add(receiver);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** A store where group "oncall" hears {@code kinds} about {@link #D} and has the given contacts. */
    private void store(Set<EventKind> kinds, Contact... contacts) throws Exception {
        Database db = Database.open(dir.resolve("lodestar.db"), Migrations.builtIn(), clock);
        open.add(db);
        store = new Store(db, Fixtures.SEED_JSON, clock);
        store.transaction(tx -> {
            tx.domains().insert(Fixtures.domain(D));
            List<String> names = new ArrayList<>();
            for (Contact c : contacts) {
                tx.contacts().put(c);
                names.add(c.name());
            }
            tx.contactGroups().put(new ContactGroup("oncall", names));
            tx.notifications().replace(D, Map.of("oncall", kinds));
            return null;
        });
    }

    private Contact ops() {
        return new Contact("ops", Optional.of("ops@lodestar.test"), Optional.empty(), Optional.of(receiver.uri().toString()));
    }

    private Notifier notifier(Limits limits, Optional<MailSettings> mail) {
        Notifier n = new Notifier(store, mail, "node-secret", limits, clock, new SplittableRandom(1), registry);
        open.add(n);
        return n;
    }

    private Notifier notifier() {
        return notifier(Limits.defaults().withWebhook(new Backoff(3, Duration.ofMillis(20), Duration.ofMillis(80)),
                Duration.ofSeconds(5)).withTick(Duration.ofMillis(50)), Optional.of(plainSmtp()));
    }

    private static MailSettings plainSmtp() {
        return MailSettings.of("127.0.0.1", GREENMAIL.getSmtp().getPort(), MailSettings.Security.NONE, "lodestar@lodestar.test")
                .withLogin(MailServers.LOGIN, MailServers.PASSWORD).withTimeout(Duration.ofSeconds(5));
    }

    /** Waits for {@code n} recorded deliveries; returns them oldest first. */
    private static List<Delivery> deliveries(Notifier notifier, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (notifier.recent().size() < n) {
            if (System.nanoTime() > deadline) {
                fail("expected " + n + " deliveries, got " + notifier.recent());
            }
            Thread.sleep(10);
        }
        List<Delivery> out = new ArrayList<>(notifier.recent());
        java.util.Collections.reverse(out);
        return out;
    }

    private static String summary(Delivery d) {
        return d.contact() + " " + d.channel().wire() + " " + d.kind() + " " + d.outcome().status();
    }

    private static JsonNode json(WebhookReceiver.Received r) throws Exception {
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void downThenUpSendsOneAlertEachAndClosesTheIncident() throws Exception {
        store(EnumSet.of(EventKind.ENDPOINT_DOWN, EventKind.ENDPOINT_UP), ops());
        Notifier notifier = notifier();
        notifier.alert(Alert.endpointDown(D, "1.1.1.1", T0, "2 of last 3 probes failed: connection refused"));
        assertEquals(Set.of(D + "/1.1.1.1"), notifier.openIncidents().keySet());
        clock.advance(Duration.ofSeconds(30));
        notifier.alert(Alert.endpointUp(D, "1.1.1.1", clock.instant(), "3 of last 3 probes succeeded"));
        assertEquals(Set.of(), notifier.openIncidents().keySet());

        assertEquals(List.of("ops email endpoint_down SENT", "ops webhook endpoint_down SENT",
                "ops email endpoint_up SENT", "ops webhook endpoint_up SENT"),
                deliveries(notifier, 4).stream().map(NotifierIT::summary).toList());
        assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 2));
        MimeMessage[] mails = GREENMAIL.getReceivedMessages();
        assertEquals(List.of("www.example.com: 1.1.1.1 is down", "www.example.com: 1.1.1.1 is up again"),
                List.of(mails[0].getSubject(), mails[1].getSubject()));
        assertEquals("endpoint_down", json(receiver.next()).get("kind").asText());
        assertEquals("endpoint_up", json(receiver.next()).get("kind").asText());

        notifier.alert(Alert.endpointUp(D, "1.1.1.1", clock.instant(), "still up"));
        assertEquals(1, Scrape.value(registry, "lodestar_alerts_suppressed_total{reason=\"no_open_incident\"}"),
                "a second recovery is not sent");
        assertEquals(2, Scrape.value(registry, "lodestar_alert_deliveries_total{channel=\"webhook\",outcome=\"sent\"}"));
    }

    @Test
    void secondDownForOpenIncidentIsNotSentAgain() throws Exception {
        Contact hook = new Contact("hook", Optional.empty(), Optional.empty(), Optional.of(receiver.uri().toString()));
        store(EnumSet.allOf(EventKind.class), hook);
        Notifier notifier = notifier();
        notifier.alert(Alert.endpointDown(D, "1.1.1.1", T0, "2 of last 3 probes failed: timeout"));
        notifier.alert(Alert.endpointDown(D, "1.1.1.1", T0.plusSeconds(1), "3 of last 3 probes failed: timeout"));
        notifier.alert(Alert.published(D, T0.plusSeconds(2), "1.1.1.1 down")); // queued behind the first: a marker

        assertEquals(List.of("hook webhook endpoint_down SENT", "hook webhook published SENT"),
                deliveries(notifier, 2).stream().map(NotifierIT::summary).toList());
        assertEquals("endpoint_down", json(receiver.next()).get("kind").asText());
        assertEquals("published", json(receiver.next()).get("kind").asText());
        assertEquals(1, Scrape.value(registry, "lodestar_alerts_suppressed_total{reason=\"duplicate\"}"));
        assertEquals(2, Scrape.value(registry, "lodestar_alerts_total{kind=\"endpoint_down\"}"));
    }

    @Test
    void aRecoveryWaitsForItsDownsRetriesAtTheSameReceiver() throws Exception {
        Contact hook = new Contact("hook", Optional.empty(), Optional.empty(), Optional.of(receiver.uri().toString()));
        store(EnumSet.allOf(EventKind.class), hook);
        receiver.answer(200, 503);
        Notifier notifier = notifier();
        notifier.alert(Alert.endpointDown(D, "1.1.1.1", T0, "2 of last 3 probes failed: timeout"));
        notifier.alert(Alert.endpointUp(D, "1.1.1.1", T0.plusSeconds(1), "3 of last 3 probes succeeded"));
        assertEquals(List.of("endpoint_down", "endpoint_down", "endpoint_up"), List.of(json(receiver.next()).get("kind").asText(),
                json(receiver.next()).get("kind").asText(), json(receiver.next()).get("kind").asText()));
        assertEquals(List.of(2, 1), deliveries(notifier, 2).stream().map(d -> d.outcome().attempts()).toList());
        assertEquals(1, Scrape.value(registry, "lodestar_webhook_retries_total"));
    }

    @Test
    void onlyGroupsHearingTheKindAreNotified() throws Exception {
        Contact hook = new Contact("hook", Optional.empty(), Optional.empty(), Optional.of(receiver.uri().toString()));
        store(EnumSet.of(EventKind.ALL_DOWN), hook);
        Notifier notifier = notifier();
        notifier.alert(Alert.published(D, T0, "nobody hears this"));
        notifier.alert(Alert.allDown(D, T0, "3 of 3 endpoints down"));
        assertEquals(List.of("hook webhook all_down SENT"), deliveries(notifier, 1).stream().map(NotifierIT::summary).toList());
        assertEquals("all_down", json(receiver.next()).get("kind").asText());
        receiver.assertNoMore(Duration.ofMillis(100));
    }

    @Test
    void alertsBeyondTheRateLimitAreSummarised() throws Exception {
        Contact hook = new Contact("hook", Optional.empty(), Optional.empty(), Optional.of(receiver.uri().toString()));
        store(EnumSet.of(EventKind.PUBLISHED), hook);
        Notifier notifier = notifier(Limits.defaults().withPerContact(2).withTick(Duration.ofMillis(50)), Optional.empty());
        for (int i = 1; i <= 5; i++) {
            notifier.alert(Alert.published(D, T0.plusSeconds(i), "change " + i));
        }
        deliveries(notifier, 2);
        receiver.next();
        receiver.next();
        receiver.assertNoMore(Duration.ofMillis(300)); // six ticks: the minute is not over
        assertEquals(3, Scrape.value(registry, "lodestar_alerts_suppressed_total{reason=\"rate_limited\"}"));

        clock.advance(Duration.ofSeconds(61));
        JsonNode summary = json(receiver.next());
        assertEquals("summary", summary.get("kind").asText());
        assertEquals(3, summary.get("total").asInt());
        assertEquals(List.of("www.example.com: new schedule result published — change 3",
                "www.example.com: new schedule result published — change 4",
                "www.example.com: new schedule result published — change 5"),
                List.of(summary.get("alerts").get(0).get("text").asText(), summary.get("alerts").get(1).get("text").asText(),
                        summary.get("alerts").get(2).get("text").asText()));
        assertEquals("3 alerts held back by the rate limit", deliveries(notifier, 3).get(2).title());
        receiver.assertNoMore(Duration.ofMillis(200));
    }

    @Test
    void sendTestReportsEachChannel() throws Exception {
        int refused;
        try (ServerSocket s = new ServerSocket(0)) {
            refused = s.getLocalPort();
        }
        store(EnumSet.noneOf(EventKind.class), new Contact("ops", Optional.of("ops@lodestar.test"),
                Optional.of("+86 10 1234 5678"), Optional.of("http://127.0.0.1:" + refused + "/hook")));
        Notifier notifier = notifier();

        List<Delivery> report = notifier.sendTest("ops");
        assertEquals(List.of("ops email test SENT", "ops webhook test FAILED", "ops phone test NO_CHANNEL"),
                report.stream().map(NotifierIT::summary).toList());
        assertEquals("connection refused", report.get(1).outcome().detail());
        assertEquals(1, report.get(1).outcome().attempts(), "a test is tried once: the operator is waiting");
        assertTrue(report.get(2).outcome().detail().startsWith("no phone channel yet"));
        assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 1));
        assertEquals("Lodestar test alert for ops", GREENMAIL.getReceivedMessages()[0].getSubject());
        assertEquals(report.size(), notifier.recent().size());
        assertThrows(NotFound.class, () -> notifier.sendTest("nobody"));
    }

    @Test
    void fullQueueDropsAndCounts() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            store(EnumSet.of(EventKind.PUBLISHED), new Contact("slow", Optional.of("slow@lodestar.test"), Optional.empty(),
                    Optional.empty()));
            MailSettings hanging = MailSettings.of("127.0.0.1", silent.getLocalPort(), MailSettings.Security.NONE,
                    "lodestar@lodestar.test").withTimeout(Duration.ofSeconds(5));
            Notifier notifier = notifier(Limits.defaults().withQueue(2), Optional.of(hanging));

            notifier.alert(Alert.published(D, T0, "1"));
            try (Socket stuck = silent.accept()) { // the delivery thread now waits for a greeting that never comes
                long before = System.nanoTime();
                for (int i = 2; i <= 6; i++) {
                    notifier.alert(Alert.published(D, T0, Integer.toString(i)));
                }
                assertTrue(System.nanoTime() - before < Duration.ofSeconds(1).toNanos(), "alert() never waits");
                assertEquals(3, Scrape.value(registry, "lodestar_alerts_dropped_total"), "two queued, three dropped");
                assertEquals(6, Scrape.value(registry, "lodestar_alerts_total{kind=\"published\"}"));
                silent.close(); // the queued two then fail fast instead of waiting out the timeout
            }
            List<Delivery> done = deliveries(notifier, 3);
            assertTrue(done.stream().allMatch(d -> d.outcome().status() == Outcome.Status.FAILED), done.toString());
        }
    }
}
