package io.lodestar.engine.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An endpoint's verdict changed (CONTRACT §5).
 *
 * @param endpoint the endpoint's value text (its identity within the domain)
 * @param evidence why, in words: e.g. which monitor points saw how many failures
 */
public record HealthEvent(Instant at, String domain, String endpoint, State oldState, State newState, String evidence) {

    /** An endpoint's health as the API shows it. */
    public enum State {
        OK("ok"), FAIL("fail"), UNKNOWN("unknown");

        private final String wire;

        State(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Optional<State> fromWire(String s) {
            for (State st : values()) {
                if (st.wire.equals(s)) {
                    return Optional.of(st);
                }
            }
            return Optional.empty();
        }
    }

    public HealthEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(oldState, "oldState");
        Objects.requireNonNull(newState, "newState");
        Objects.requireNonNull(evidence, "evidence");
    }
}
