package io.lodestar.engine.health;

import io.lodestar.engine.model.Monitor;

/** What the prober reports for metrics. Called on prober threads: implementations must be cheap and thread-safe. */
public interface HealthMetrics {

    /** A probe finished. */
    void probed(Monitor.Protocol protocol, ProbeResult result);

    /** A probe started {@code latenessNanos} after its planned slot (negative: early). */
    void started(long latenessNanos);

    /** An endpoint's verdict changed. */
    void changed(VerdictChange change);

    /** Reports nothing. */
    static HealthMetrics none() {
        return new HealthMetrics() {
            @Override
            public void probed(Monitor.Protocol protocol, ProbeResult result) {
                // nothing
            }

            @Override
            public void started(long latenessNanos) {
                // nothing
            }

            @Override
            public void changed(VerdictChange change) {
                // nothing
            }
        };
    }
}
