package io.lodestar.app.shell;

import javafx.scene.Scene;

/**
 * Light and dark: one base sheet that uses only the {@code -ls-…} variables, and one variable sheet
 * per theme that defines them on {@code .root}. Switching swaps the variable sheet.
 */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private static final String BASE = "base.css";
    private final String sheet;

    Theme(String sheet) {
        this.sheet = sheet;
    }

    static String url(String name) {
        return Theme.class.getResource("/io/lodestar/app/theme/" + name).toExternalForm();
    }

    /** Applies this theme to {@code scene}, replacing the other one. */
    public void apply(Scene scene) {
        scene.getStylesheets().setAll(url(sheet), url(BASE));
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
