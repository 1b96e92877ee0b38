package io.lodestar.resolver.wire;

/** A zone file that cannot be served: the message names the line or the record and the rule. */
public final class ZoneFileException extends Exception {

    public ZoneFileException(String message) {
        super(message);
    }

    public ZoneFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
