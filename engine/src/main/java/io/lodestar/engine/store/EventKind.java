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
    PUBLISHED("published"),
    /** A gray migration advanced a step, rolled back (with the reason), completed or was paused. */
    RAMP("ramp"),
    /** A failover drill was executed, measured its failover, or was rolled back. */
    DRILL("drill");

    private final String wire;

    EventKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Every kind's wire name, comma-separated, for messages. */
    public static String wireNames() {
        return String.join(", ", java.util.Arrays.stream(values()).map(EventKind::wire).toList());
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
