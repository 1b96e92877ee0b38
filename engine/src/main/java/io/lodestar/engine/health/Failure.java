package io.lodestar.engine.health;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Why a probe failed: a closed set of kinds, each with detail in words (a TLS error's cause, the
 * unexpected status code, the exception text of {@link Kind#OTHER}).
 *
 * @param detail empty when the kind says it all
 */
public record Failure(Kind kind, String detail) {

    /** The closed set of failure reasons. */
    public enum Kind {
        /** No answer (connect, handshake or response) within the monitor's timeout. */
        TIMEOUT,
        /** The port is closed: the peer answered the SYN with RST. */
        REFUSED,
        /** The connection was reset after it was established. */
        RESET,
        /** No route, network or host unreachable (ICMP errors), or ping saw no reply with an error. */
        UNREACHABLE,
        /** A CNAME endpoint's host name did not resolve at probe time. */
        UNRESOLVED,
        /** The TLS handshake failed: certificate not trusted, host name mismatch, protocol error. */
        TLS,
        /** The HTTP status is not one of the monitor's expected codes; detail is the code. */
        STATUS,
        /** The response body does not contain the monitor's expected text. */
        BODY_MISMATCH,
        /** ICMP echo cannot be sent from this process (no ping program or no permission). */
        ICMP_UNAVAILABLE,
        /** Anything else, e.g. a malformed HTTP response; detail says what. */
        OTHER;

        /** Lower-case name for metrics labels and evidence text, e.g. {@code body_mismatch}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public static Failure of(Kind kind) {
        return new Failure(kind, "");
    }

    public static Failure status(int code) {
        return new Failure(Kind.STATUS, Integer.toString(code));
    }

    public static Failure tls(String detail) {
        return new Failure(Kind.TLS, detail);
    }

    public static Failure other(String detail) {
        return new Failure(Kind.OTHER, detail);
    }

    /** The unexpected HTTP status of a {@link Kind#STATUS} failure. */
    public OptionalInt statusCode() {
        return kind == Kind.STATUS ? OptionalInt.of(Integer.parseInt(detail)) : OptionalInt.empty();
    }

    /** In words, e.g. {@code refused}, {@code status 500}, {@code tls: certificate not trusted}. */
    public String words() {
        String name = kind.label().replace('_', ' ');
        if (detail.isEmpty()) {
            return name;
        }
        return kind == Kind.STATUS ? "status " + detail : name + ": " + detail;
    }
}
