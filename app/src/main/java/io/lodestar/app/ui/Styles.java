package io.lodestar.app.ui;

/** Style class names the views set and the theme sheets define (colours live only in the sheets). */
public final class Styles {

    public static final String SCREEN = "ls-screen";
    public static final String TITLE = "ls-title";
    public static final String SUBTITLE = "ls-subtitle";
    public static final String HINT = "ls-hint";
    public static final String ERROR = "ls-error";
    public static final String BANNER = "ls-banner";
    public static final String STATUS_BAR = "ls-status-bar";
    public static final String NAV = "ls-nav";
    public static final String RECORD = "ls-record";
    public static final String FIELD_ERROR = "ls-field-error";

    private Styles() {
    }

    /** {@code ls-health-ok}, {@code ls-health-degraded}, {@code ls-health-fail} or {@code ls-health-unknown}. */
    public static String health(String status) {
        return "ls-health-" + (status.equals("ok") || status.equals("degraded") || status.equals("fail") ? status : "unknown");
    }
}
