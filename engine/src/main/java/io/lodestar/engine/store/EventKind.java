package io.lodestar.engine.store;

import java.util.Optional;

/** The kinds of event a contact group can be notified of about a domain. */
public enum EventKind {
    /** An endpoint's verdict turned {@code fail}. */
    ENDPOINT_DOWN("endpoint_down"),
    /** An endpoint recovered. */
    ENDPOINT_UP("endpoint_up"),
    /** Every endpoint a user group could get is down (answers fail open). */
    ALL_DOWN("all_down"),
    /** A new schedule result was published. */
    PUBLISHED("published");

    private final String wire;

    EventKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<EventKind> fromWire(String s) {
        for (EventKind k : values()) {
            if (k.wire.equals(s)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
