package io.lodestar.engine.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects validation errors while walking an input; {@link #throwIfAny()} ends the walk. */
public final class Errors {

    private final List<ValidationError> list = new ArrayList<>();

    public Errors add(String path, String rule, String message) {
        list.add(new ValidationError(path, rule, path + ": " + message));
        return this;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<ValidationError> list() {
        return List.copyOf(list);
    }

    public void throwIfAny() throws ValidationException {
        if (!list.isEmpty()) {
            throw new ValidationException(list);
        }
    }
}
