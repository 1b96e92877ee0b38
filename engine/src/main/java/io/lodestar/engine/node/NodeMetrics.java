package io.lodestar.engine.node;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The engine's own metrics: plan compile time, snapshot version, publishes. Probe results join with health. */
public final class NodeMetrics {

    private final Histogram compileSeconds;
    private final Gauge snapshotVersion;
    private final Counter publishes;

    public NodeMetrics(PrometheusRegistry registry) {
        compileSeconds = Histogram.builder().name("lodestar_plan_compile_seconds")
                .help("Time to compile one domain's strategy and health into an answer plan")
                .classicUpperBounds(0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1)
                .register(registry);
        snapshotVersion = Gauge.builder().name("lodestar_snapshot_version")
                .help("Version of the snapshot DNS answers from").register(registry);
        publishes = Counter.builder().name("lodestar_snapshot_publishes_total")
                .help("Snapshots published").register(registry);
    }

    void compiled(long nanos) {
        compileSeconds.observe(nanos / 1e9);
    }

    void published(long version) {
        snapshotVersion.set(version);
        publishes.inc();
    }
}
