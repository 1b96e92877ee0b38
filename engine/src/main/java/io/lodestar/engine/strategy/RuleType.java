package io.lodestar.engine.strategy;

import java.util.Optional;

/**
 * The seed's four basic rules and what each does on failure (止损规则):
 * wrr recomputes weights without the failed; priority returns the healthy highest priority;
 * geoProximity recomputes the nearest available; userGroupMapping does not switch by itself.
 */
public enum RuleType {
    WRR("wrr", "加权轮询"),
    PRIORITY("priority", "优先级"),
    GEO_PROXIMITY("geoProximity", "地理就近"),
    USER_GROUP_MAPPING("userGroupMapping", "用户组映射");

    private final String wire;
    private final String nameZh;

    RuleType(String wire, String nameZh) {
        this.wire = wire;
        this.nameZh = nameZh;
    }

    public String wire() {
        return wire;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Accepts the API name ({@code geoProximity}) or the console's Chinese name ({@code 地理就近}). */
    public static Optional<RuleType> fromWire(String s) {
        for (RuleType t : values()) {
            if (t.wire.equals(s) || t.nameZh.equals(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
