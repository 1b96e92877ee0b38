package io.lodestar.app.shell;

/** The navigation entries, in the order the issue lists them; {@code built} false shows "coming later". */
public enum Screen {
    DOMAINS("nav.domains", true),
    ENDPOINTS("nav.endpoints", true),
    MONITORS("nav.monitors", true),
    STRATEGY("nav.strategy", false),
    SCHEDULE_MAP("nav.scheduleMap", true),
    HISTORY("nav.history", true),
    CONTACTS("nav.contacts", false),
    NODES("nav.nodes", false),
    ACCESS("nav.access", true),
    AUDIT("nav.audit", false);

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
