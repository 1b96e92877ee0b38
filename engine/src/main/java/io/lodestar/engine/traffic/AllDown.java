package io.lodestar.engine.traffic;

import java.util.Optional;

/**
 * What a domain answers when every candidate endpoint of a user group is down (IGTM, gdnsd):
 * fail open (CONTRACT §4, the default: answer as if all were up), the fallback pool, or SERVFAIL.
 */
public enum AllDown {
    FAIL_OPEN("failOpen"), FALLBACK("fallback"), SERVFAIL("servfail");

    private final String wire;

    AllDown(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<AllDown> fromWire(String s) {
        for (AllDown a : values()) {
            if (a.wire.equals(s)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
