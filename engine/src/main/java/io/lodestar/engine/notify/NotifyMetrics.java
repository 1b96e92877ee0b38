package io.lodestar.engine.notify;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The notifier's counters, registered into the node's registry (never the static default one). */
final class NotifyMetrics {

    private final Counter alerts;
    private final Counter suppressed;
    private final Counter dropped;
    private final Counter deliveries;
    private final Counter retries;

    NotifyMetrics(PrometheusRegistry registry) {
        alerts = Counter.builder().name("lodestar_alerts_total")
                .help("Alerts handed to the notifier, by event kind").labelNames("kind").register(registry);
        suppressed = Counter.builder().name("lodestar_alerts_suppressed_total")
                .help("Alerts not delivered on purpose: duplicate (incident already open), no_open_incident"
                        + " (recovery with nothing to close), rate_limited (held for a summary, per contact)")
                .labelNames("reason").register(registry);
        dropped = Counter.builder().name("lodestar_alerts_dropped_total")
                .help("Alerts and summaries dropped because the delivery queue was full").register(registry);
        deliveries = Counter.builder().name("lodestar_alert_deliveries_total")
                .help("Deliveries to one channel of one contact, by channel and outcome (sent, failed, no_channel)")
                .labelNames("channel", "outcome").register(registry);
        retries = Counter.builder().name("lodestar_webhook_retries_total")
                .help("Webhook tries repeated after a connection error, a timeout, 5xx or 429").register(registry);
    }

    void alert(Alert a) {
        alerts.labelValues(a.wireKind()).inc();
    }

    void suppressed(String reason) {
        suppressed.labelValues(reason).inc();
    }

    void dropped() {
        dropped.inc();
    }

    void delivered(Delivery d) {
        deliveries.labelValues(d.channel().wire(), d.outcome().status().name().toLowerCase(java.util.Locale.ROOT)).inc();
    }

    void retried() {
        retries.inc();
    }
}
