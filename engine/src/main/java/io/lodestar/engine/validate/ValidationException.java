package io.lodestar.engine.validate;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when user input breaks one or more rules; carries every error found, never a partial change. */
public final class ValidationException extends Exception {

    private final transient List<ValidationError> errors;

    public ValidationException(List<ValidationError> errors) {
        super(errors.stream().map(ValidationError::toString).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public ValidationException(ValidationError error) {
        this(List.of(error));
    }

    public List<ValidationError> errors() {
        return errors;
    }

    /** The first error: the one an API response or an inline message shows. */
    public ValidationError first() {
        return errors.get(0);
    }
}
