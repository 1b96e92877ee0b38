package io.lodestar.app.shell;

/** The navigation entries, in the order the issue lists them; {@code built} false shows "coming later". */
public enum Screen {
    DOMAINS("nav.domains", true),
    ENDPOINTS("nav.endpoints", true),
    MONITORS("nav.monitors", true),
    STRATEGY("nav.strategy", true),
    TRAFFIC("nav.traffic", true),
    SCHEDULE_MAP("nav.scheduleMap", true),
    HISTORY("nav.history", true),
    CONTACTS("nav.contacts", true),
    NODES("nav.nodes", true),
    ACCESS("nav.access", true),
    AUDIT("nav.audit", true);

    private final String key;
    private final boolean built;

    Screen(String key, boolean built) {
        this.key = key;
        this.built = built;
    }

    /** The message key of the screen's name. */
    public String key() {
        return key;
    }

    public boolean built() {
        return built;
    }
}
