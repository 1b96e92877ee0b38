package io.lodestar.engine.validate;

import java.util.Objects;

/**
 * An error a user can cause, as a value: the full path to the bad setting (gdnsd style, e.g.
 * {@code strategy.rules[2].items[0].weight}), the rule it broke (a stable code, e.g.
 * {@code weight.negative}) and a readable message naming both.
 */
public record ValidationError(String path, String rule, String message) {

    public ValidationError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message + " [" + rule + "]";
    }
}
