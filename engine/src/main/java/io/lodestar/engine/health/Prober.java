package io.lodestar.engine.health;

import java.util.concurrent.CompletableFuture;

/**
 * Probes one target. The future always completes normally (a failure is a {@link ProbeResult}
 * with a {@link Failure}), within the monitor's timeout plus scheduling slack, and never on the
 * caller's thread for work that may block.
 */
public interface Prober {

    CompletableFuture<ProbeResult> probe(ProbeTarget target);
}
