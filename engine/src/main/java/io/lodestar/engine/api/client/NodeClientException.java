package io.lodestar.engine.api.client;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call the node refused or could not answer: the HTTP status (0 when the node was not reached),
 * the API's stable code, its message, and the field path the message names (e.g.
 * {@code monitor.port}), so a form can show the message next to that field.
 */
public final class NodeClientException extends RuntimeException {

    /** The API writes messages as {@code path: what is wrong}; a path has no spaces and may start at a row ({@code [0].area}). */
    private static final Pattern FIELD = Pattern.compile("^((?:[A-Za-z_][A-Za-z0-9_]*|\\[\\d+])(?:\\[\\d+]|\\.[A-Za-z_][A-Za-z0-9_]*)*): ");

    private final int status;
    private final String code;
    private final Optional<String> field;

    public NodeClientException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public NodeClientException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.field = fieldOf(message);
    }

    static Optional<String> fieldOf(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = FIELD.matcher(message);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The full path of the field the message names, e.g. {@code monitor.port} or {@code endpoints[1].area}. */
    public Optional<String> field() {
        return field;
    }

    /** The field's last segment ({@code port} for {@code monitor.port}), as a form names its inputs. */
    public Optional<String> fieldName() {
        return field.map(f -> f.replaceAll("\\[\\d+]", "")).map(f -> f.substring(f.lastIndexOf('.') + 1)).filter(f -> !f.isEmpty());
    }

    /** True if the node was never reached (refused connection, timeout). */
    public boolean unreachable() {
        return status == 0;
    }

    /** True for a refusal because of the token's role (403). */
    public boolean forbidden() {
        return status == 403;
    }
}
