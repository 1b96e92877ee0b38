package io.lodestar.engine.notify;

import io.lodestar.engine.config.NotFound;
import io.lodestar.engine.model.Contact;
import io.lodestar.engine.store.Store;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes {@link Alert}s from the health monitor and the publisher and tells the contacts who hear
 * them. {@link #alert} never blocks: it decides on the caller's thread whether the alert is news
 * ({@link Incidents}: a down for an open incident is not, a recovery is news once, when it closes
 * the incident) and queues it; one delivery thread then reads who hears it from the store, applies
 * each contact's rate limit (the excess goes out later as one {@link Summary}) and delivers by
 * e-mail and webhook. Deliveries to one webhook URL go one after another, retries included, so a
 * receiver never sees a recovery before its down. A full queue drops the alert and counts it. Every delivery's outcome is kept
 * in memory ({@link #recent()}) and counted in Prometheus.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    static final String NO_PHONE = "no phone channel yet: Lodestar cannot send SMS or calls; it used the contact's other channels";

    private final Recipients recipients;
    private volatile Optional<MailChannel> mail;
    private final WebhookChannel webhook;
    private final Limits limits;
    private final Clock clock;
    private final Incidents incidents = new Incidents();
    private final RateLimiter rateLimiter;
    private final DeliveryLog log;
    private final NotifyMetrics metrics;
    private final ThreadPoolExecutor worker;
    private final ScheduledExecutorService timer;
    /** Per webhook URL, the last delivery: the next waits for it, so a receiver gets a down before its up. */
    private final Map<String, CompletableFuture<Outcome>> lastWebhook = new ConcurrentHashMap<>();

    /**
     * Starts the delivery thread and the timer (daemon threads; {@link #close()} stops them).
     *
     * @param mail          the SMTP server; empty: e-mail deliveries fail with "no SMTP server is configured"
     * @param webhookSecret the node's secret that signs webhooks
     * @param clock         the time stamped on alerts' deliveries and used by the rate limit
     * @param random        jitter of webhook retries
     */
    public Notifier(Store store, Optional<MailSettings> mail, String webhookSecret, Limits limits, Clock clock,
                    RandomGenerator random, PrometheusRegistry registry) {
        this.recipients = new Recipients(Objects.requireNonNull(store, "store"));
        this.mail = mail.map(MailChannel::new);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rateLimiter = new RateLimiter(limits.perContact(), limits.window());
        this.log = new DeliveryLog(limits.recent());
        this.metrics = new NotifyMetrics(registry);
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("lodestar-notify-timer"));
        this.webhook = new WebhookChannel(webhookSecret, limits.webhookTimeout(), timer, random, metrics::retried);
        // one thread: alerts about one incident reach each contact in the order they happened
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(limits.queue()),
                daemon("lodestar-notify"), new ThreadPoolExecutor.AbortPolicy());
        long tick = limits.tick().toMillis();
        timer.scheduleWithFixedDelay(this::flushSummaries, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Hands over an alert; returns at once. Safe from any thread (probe, publisher, API). */
    public void alert(Alert a) {
        metrics.alert(a);
        Incidents.Verdict v = incidents.admit(a);
        if (v == Incidents.Verdict.DUPLICATE) {
            metrics.suppressed("duplicate");
        } else if (v == Incidents.Verdict.NO_OPEN_INCIDENT) {
            metrics.suppressed("no_open_incident");
        } else {
            enqueue(() -> fanOut(a), a.title());
        }
    }

    /**
     * Sends a {@link TestNotice} to every channel of one contact now, on the caller's thread, without
     * retries or rate limit, and says how each went (also kept in {@link #recent()}). Takes up to the
     * mail timeout plus the webhook timeout.
     *
     * @throws NotFound if there is no such contact
     */
    public List<Delivery> sendTest(String contact) throws NotFound {
        Contact c = recipients.contact(contact).orElseThrow(() -> new NotFound("no contact '" + contact + "'"));
        List<Delivery> out = new ArrayList<>();
        for (CompletableFuture<Delivery> f : deliver(c, new TestNotice(contact, clock.instant()), null)) {
            out.add(f.join());
        }
        return out;
    }

    /** The last deliveries, newest first. */
    /** Replaces the SMTP server (settings changed through the API); empty turns e-mail off. */
    public void mail(Optional<MailSettings> settings) {
        this.mail = settings.map(MailChannel::new);
    }

    public List<Delivery> recent() {
        return log.recent();
    }

    /** Incidents open now (key → when they opened): endpoints down, domains all down. */
    public Map<String, Instant> openIncidents() {
        return incidents.open();
    }

    private void enqueue(Runnable job, String what) {
        try {
            worker.execute(job);
        } catch (RejectedExecutionException full) {
            metrics.dropped();
            LOG.warn("alert queue full ({}), dropped: {}", limits.queue(), what);
        }
    }

    private void fanOut(Alert a) {
        List<Contact> contacts;
        try {
            contacts = recipients.hearing(a.domain(), a.kind());
        } catch (RuntimeException e) {
            LOG.warn("cannot read who hears {} about {}, alert not sent: {}", a.kind(), a.domain(), e.getMessage());
            return;
        }
        for (Contact c : contacts) {
            if (rateLimiter.admit(c.name(), a, clock.instant())) {
                deliver(c, a, limits.webhookRetries());
            } else {
                metrics.suppressed("rate_limited");
            }
        }
    }

    private void flushSummaries() {
        try {
            for (RateLimiter.Due d : rateLimiter.due(clock.instant())) {
                enqueue(() -> recipients.contact(d.contact()).ifPresent(c -> deliver(c, d.summary(), limits.webhookRetries())),
                        d.summary().title() + " for " + d.contact());
            }
        } catch (RuntimeException e) {
            LOG.warn("rate-limit summaries: {}", e.toString()); // keep the timer alive
        }
    }

    /**
     * Delivers to each of the contact's channels; mail on this thread, webhooks asynchronously.
     * {@code retries} null: a test, tried once and not queued behind the URL's pending deliveries.
     */
    private List<CompletableFuture<Delivery>> deliver(Contact c, Notice n, Backoff retries) {
        List<CompletableFuture<Delivery>> out = new ArrayList<>();
        c.email().ifPresent(address -> out.add(CompletableFuture.completedFuture(
                record(c, ChannelKind.EMAIL, address, n, mail.map(m -> m.send(address, n))
                        .orElse(Outcome.failed("no SMTP server is configured for this node", 0))))));
        c.webhook().ifPresent(url -> out.add(post(url, n, retries).thenApply(o -> record(c, ChannelKind.WEBHOOK, url, n, o))));
        c.phone().ifPresent(phone -> out.add(CompletableFuture.completedFuture(
                record(c, ChannelKind.PHONE, phone, n, new Outcome(Outcome.Status.NO_CHANNEL, NO_PHONE, 0)))));
        return out;
    }

    private CompletableFuture<Outcome> post(String url, Notice n, Backoff retries) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Outcome.failed("bad webhook URL: " + e.getMessage(), 0));
        }
        if (retries == null) {
            return webhook.send(uri, n, Backoff.once());
        }
        CompletableFuture<Outcome> next = new CompletableFuture<>();
        CompletableFuture<Outcome> before = lastWebhook.put(url, next);
        CompletableFuture<Outcome> start = before == null ? CompletableFuture.completedFuture(null) : before;
        start.whenComplete((o, e) -> webhook.send(uri, n, retries).whenComplete((outcome, error) -> {
            lastWebhook.remove(url, next); // nothing queued behind it: forget the URL
            next.complete(error == null ? outcome : Outcome.failed(Failures.describe(error), 0));
        }));
        return next;
    }

    private Delivery record(Contact c, ChannelKind channel, String address, Notice n, Outcome o) {
        Delivery d = new Delivery(clock.instant(), c.name(), channel, address, n.wireKind(), n.title(), o);
        log.add(d);
        metrics.delivered(d);
        if (o.status() == Outcome.Status.FAILED) {
            LOG.info("{} to {} ({} {}) failed: {}", n.wireKind(), c.name(), channel.wire(), address, o.detail());
        }
        return d;
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops taking alerts, lets queued ones go out for up to two seconds, then stops. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(2, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            timer.shutdownNow();
        }
    }
}
