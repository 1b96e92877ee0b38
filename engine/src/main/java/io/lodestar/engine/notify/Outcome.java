package io.lodestar.engine.notify;

import java.util.Objects;

/**
 * How one delivery to one channel ended.
 *
 * @param detail   in words: "sent", "HTTP 503 after 4 attempts", "connection refused", …
 * @param attempts how many times it was tried (0 when there was nothing to try)
 */
public record Outcome(Status status, String detail, int attempts) {

    /** Closed set of endings. */
    public enum Status {
        /** The server accepted it (SMTP accepted the mail; the webhook answered 2xx). */
        SENT,
        /** It could not be delivered; {@code detail} says why. */
        FAILED,
        /** Lodestar has no channel of this kind yet (phone); nothing was tried. */
        NO_CHANNEL
    }

    public Outcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean ok() {
        return status == Status.SENT;
    }

    static Outcome sent(String detail, int attempts) {
        return new Outcome(Status.SENT, detail, attempts);
    }

    static Outcome failed(String detail, int attempts) {
        return new Outcome(Status.FAILED, detail, attempts);
    }
}
