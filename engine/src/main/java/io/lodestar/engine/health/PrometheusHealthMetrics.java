package io.lodestar.engine.health;

import io.lodestar.engine.model.Monitor;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Probe and verdict metrics in a Prometheus registry: {@code lodestar_probe_results_total{protocol,
 * outcome}} (outcome {@code ok} or the failure kind, e.g. {@code refused}),
 * {@code lodestar_probe_latency_seconds{protocol}}, {@code lodestar_probe_start_lateness_seconds}
 * and {@code lodestar_health_verdict_changes_total{to}}.
 */
public final class PrometheusHealthMetrics implements HealthMetrics {

    private final Counter results;
    private final Histogram latency;
    private final Histogram lateness;
    private final Counter changes;

    public PrometheusHealthMetrics(PrometheusRegistry registry) {
        results = Counter.builder().name("lodestar_probe_results_total")
                .help("Probe results by protocol and outcome (ok or the failure reason)")
                .labelNames("protocol", "outcome").register(registry);
        latency = Histogram.builder().name("lodestar_probe_latency_seconds")
                .help("Probe latency: connect for tcp, the whole exchange for http(s), the echo round trip for ping")
                .labelNames("protocol")
                .classicUpperBounds(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
        lateness = Histogram.builder().name("lodestar_probe_start_lateness_seconds")
                .help("How long after its planned slot a probe started")
                .classicUpperBounds(0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1)
                .register(registry);
        changes = Counter.builder().name("lodestar_health_verdict_changes_total")
                .help("Endpoint verdict changes by new state").labelNames("to").register(registry);
    }

    @Override
    public void probed(Monitor.Protocol protocol, ProbeResult result) {
        results.labelValues(protocol.wire(), result.outcome()).inc();
        latency.labelValues(protocol.wire()).observe(result.latency().toNanos() / 1e9);
    }

    @Override
    public void started(long latenessNanos) {
        lateness.observe(Math.max(0, latenessNanos) / 1e9);
    }

    @Override
    public void changed(VerdictChange change) {
        changes.labelValues(change.to().wire()).inc();
    }
}
