package io.lodestar.engine.health;

import static io.lodestar.engine.health.Targets.target;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lodestar.engine.model.Monitor.Protocol;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The TCP prober under a burst: its own lateness is not the endpoint's failure. */
class TcpProberIT {

    private static final int BURST = 3_000;

    @Test
    void aBusyProberDoesNotBlameEndpointsWhoseConnectionsAreEstablished() throws Exception {
        // The prober's clock runs 20× fast, so sending 3 000 connects one after another takes longer
        // than the 1 s timeout on that clock, and the selector reports at most 1 024 established
        // connections per call: the rest are established but not yet seen when their deadlines pass.
        long origin = System.nanoTime();
        try (ServerSocket listener = new ServerSocket(0, BURST + 100, InetAddress.getLoopbackAddress());
             TcpProber prober = new TcpProber(Runnable::run, Clock.systemUTC(),
                     () -> origin + (System.nanoTime() - origin) * 20)) {
            ProbeTarget t = target(Targets.monitor(Protocol.TCP, listener.getLocalPort()));
            List<CompletableFuture<ProbeResult>> results = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                results.add(prober.probe(t));
            }
            Map<String, Integer> outcomes = new TreeMap<>();
            for (CompletableFuture<ProbeResult> f : results) {
                ProbeResult r = f.get(30, TimeUnit.SECONDS);
                outcomes.merge(r.ok() ? "ok" : r.words(), 1, Integer::sum);
            }
            assertEquals(Map.of("ok", BURST), outcomes, "every connection was accepted by the listener's kernel queue");
        }
    }
}
