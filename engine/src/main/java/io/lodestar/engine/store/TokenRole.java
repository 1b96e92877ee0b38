package io.lodestar.engine.store;

import java.util.Optional;

/**
 * What an API token may do (CONTRACT §3; seed: ITMFullControlPolicy / ITMWritePolicy /
 * ITMReadAccessPolicy).
 */
public enum TokenRole {
    /** Everything, tokens included. */
    FULL("full"),
    /** All configuration, no tokens. */
    WRITE("write"),
    /** GET only. */
    READ("read");

    private final String wire;

    TokenRole(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<TokenRole> fromWire(String s) {
        for (TokenRole r : values()) {
            if (r.wire.equals(s)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
