package io.lodestar.engine.notify;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/** Says why a delivery failed in words an operator can act on, from the exception's cause chain. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) {
                return "connection refused" + suffix(c);
            }
            if (c instanceof UnknownHostException) {
                return "unknown host " + c.getMessage();
            }
            if (c instanceof SocketTimeoutException || c instanceof HttpTimeoutException) {
                return "timed out" + suffix(c);
            }
            if (c instanceof SSLException) {
                return "TLS error: " + c.getMessage();
            }
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip();
    }

    private static String suffix(Throwable c) {
        String m = c.getMessage();
        return m == null || m.isBlank() || m.toLowerCase(java.util.Locale.ROOT).contains("refused")
                || m.toLowerCase(java.util.Locale.ROOT).contains("timed out") ? "" : " (" + m + ")";
    }
}
