package io.lodestar.engine.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * The notifier's bounds.
 *
 * @param queue          alerts and summaries waiting for the delivery thread; beyond it they are dropped and counted
 * @param perContact     messages per contact in any {@code window}; the excess is summarised later
 * @param window         the rate limit's sliding window
 * @param recent         deliveries kept in memory for the API and the console
 * @param webhookRetries how webhooks are retried
 * @param webhookTimeout connect and answer timeout of each webhook try
 * @param tick           how often held alerts are checked for a summary that has become due
 */
public record Limits(int queue, int perContact, Duration window, int recent, Backoff webhookRetries,
                     Duration webhookTimeout, Duration tick) {

    public Limits {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(webhookRetries, "webhookRetries");
        Objects.requireNonNull(webhookTimeout, "webhookTimeout");
        Objects.requireNonNull(tick, "tick");
        if (queue < 1 || perContact < 1 || recent < 1 || window.isNegative() || window.isZero() || tick.toMillis() < 1) {
            throw new IllegalArgumentException("queue, perContact, recent, window and tick must be positive");
        }
    }

    /** 1000 queued, 10 messages a minute per contact, 200 recent deliveries, 5 webhook tries, ticks of 5 s. */
    public static Limits defaults() {
        return new Limits(1000, 10, Duration.ofMinutes(1), 200, Backoff.defaults(), Duration.ofSeconds(10),
                Duration.ofSeconds(5));
    }

    public Limits withQueue(int q) {
        return new Limits(q, perContact, window, recent, webhookRetries, webhookTimeout, tick);
    }

    public Limits withPerContact(int n) {
        return new Limits(queue, n, window, recent, webhookRetries, webhookTimeout, tick);
    }

    public Limits withWebhook(Backoff retries, Duration timeout) {
        return new Limits(queue, perContact, window, recent, retries, timeout, tick);
    }

    public Limits withTick(Duration t) {
        return new Limits(queue, perContact, window, recent, webhookRetries, webhookTimeout, t);
    }
}
