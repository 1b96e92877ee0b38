package io.lodestar.engine.api;

import io.lodestar.engine.validate.ValidationError;
import io.lodestar.engine.validate.ValidationException;

/**
 * A refused request: HTTP status, a stable code and a message naming the field and the rule
 * (CONTRACT §3 errors: {@code {requestId, code, message}}).
 */
public final class ApiException extends Exception {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "NotFound", what);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    /** A validation failure: 400 with the first error's rule as code and every error in the message. */
    public static ApiException of(ValidationException e) {
        ValidationError first = e.first();
        String message = e.errors().size() == 1 ? first.message()
                : first.message() + " (and " + (e.errors().size() - 1) + " more: " + e.getMessage() + ")";
        return new ApiException(400, "InvalidParameter." + first.rule(), message);
    }
}
