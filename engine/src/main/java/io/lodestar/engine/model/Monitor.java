package io.lodestar.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain's health monitor (CONTRACT §5). The seed's failure rule: an endpoint is failing at one
 * monitor point when at least {@code minFailures} of its last {@code window} results failed, and
 * {@code fail} overall when more than {@code threshold} % of monitor points see it failing.
 *
 * @param expectCodes status classes or codes that count as success for http(s), e.g. {@code 2xx},
 *                    {@code 301}; empty means 2xx and 3xx
 */
public record Monitor(Protocol protocol, int port, String path, Optional<String> host,
                      List<String> expectCodes, int timeout, int interval, int threshold,
                      int window, int minFailures, String method, Optional<String> bodyContains,
                      boolean verifyTls) {

    /** Probe protocols (seed: ping, tcp, http(s)). */
    public enum Protocol {
        PING("ping"), TCP("tcp"), HTTP("http"), HTTPS("https");

        private final String wire;

        Protocol(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Optional<Protocol> fromWire(String s) {
            for (Protocol p : values()) {
                if (p.wire.equalsIgnoreCase(s)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    // Seed defaults (监控配置): interval 60 s, timeout 10 s, threshold 80 %, window 5, minFailures 3.
    public static final int DEFAULT_INTERVAL = 60;
    public static final int DEFAULT_TIMEOUT = 10;
    public static final int DEFAULT_THRESHOLD = 80;
    public static final int DEFAULT_WINDOW = 5;
    public static final int DEFAULT_MIN_FAILURES = 3;

    public Monitor {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(host, "host");
        expectCodes = List.copyOf(expectCodes);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(bodyContains, "bodyContains");
    }

    /** The seed's recommended monitor: HTTP GET / on port 80 with the seed's defaults. */
    public static Monitor defaults() {
        return new Monitor(Protocol.HTTP, 80, "/", Optional.empty(), List.of(), DEFAULT_TIMEOUT,
                DEFAULT_INTERVAL, DEFAULT_THRESHOLD, DEFAULT_WINDOW, DEFAULT_MIN_FAILURES, "GET",
                Optional.empty(), true);
    }
}
