package io.lodestar.app.shell;

/** The navigation entries, in the order the console shows them. */
public enum Screen {
    DOMAINS("nav.domains"),
    ENDPOINTS("nav.endpoints"),
    MONITORS("nav.monitors"),
    STRATEGY("nav.strategy"),
    TRAFFIC("nav.traffic"),
    SCHEDULE_MAP("nav.scheduleMap"),
    HISTORY("nav.history"),
    CONTACTS("nav.contacts"),
    NODES("nav.nodes"),
    ACCESS("nav.access"),
    AUDIT("nav.audit");

    private final String key;

    Screen(String key) {
        this.key = key;
    }

    /** The message key of the screen's name. */
    public String key() {
        return key;
    }
}
