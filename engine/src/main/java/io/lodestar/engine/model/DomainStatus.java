package io.lodestar.engine.model;

import java.util.Optional;

/**
 * A domain's scheduling status (seed: "" 未调度, start 调度中, stop 停止调度, pause 暂停调度).
 * {@code stop} answers REFUSED; {@code pause} keeps answering the last schedule result.
 */
public enum DomainStatus {
    NONE(""), START("start"), STOP("stop"), PAUSE("pause");

    private final String wire;

    DomainStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<DomainStatus> fromWire(String s) {
        for (DomainStatus d : values()) {
            if (d.wire.equals(s)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
