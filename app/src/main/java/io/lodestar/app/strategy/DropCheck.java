package io.lodestar.app.strategy;

import java.util.List;

/**
 * Whether an edit may be made: OK, or refused with a reason as a message key and its arguments
 * (the view shows it at the pointer, in the user's language).
 */
public record DropCheck(boolean ok, String reason, List<String> args) {

    public static final DropCheck OK = new DropCheck(true, "", List.of());

    public DropCheck {
        args = List.copyOf(args);
    }

    public static DropCheck refuse(String reason, String... args) {
        return new DropCheck(false, reason, List.of(args));
    }
}
