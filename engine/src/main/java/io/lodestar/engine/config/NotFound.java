package io.lodestar.engine.config;

/** The thing a request names does not exist (an API 404). */
public final class NotFound extends Exception {

    public NotFound(String message) {
        super(message);
    }
}
