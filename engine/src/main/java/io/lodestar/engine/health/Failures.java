package io.lodestar.engine.health;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Maps the JDK's I/O exceptions to failure reasons. */
final class Failures {

    private Failures() {
    }

    static Failure classify(Throwable t) {
        if (t instanceof SocketTimeoutException) {
            return Failure.of(Failure.Kind.TIMEOUT);
        }
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return new Failure(Failure.Kind.UNRESOLVED, String.valueOf(t.getMessage()));
        }
        if (t instanceof NoRouteToHostException || t instanceof PortUnreachableException) {
            return new Failure(Failure.Kind.UNREACHABLE, String.valueOf(t.getMessage()));
        }
        if (t instanceof SSLException) {
            return Failure.tls(tlsDetail(t));
        }
        String msg = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (t instanceof ConnectException) {
            if (msg.contains("refused")) {
                return Failure.of(Failure.Kind.REFUSED);
            }
            if (msg.contains("unreachable") || msg.contains("no route")) {
                return new Failure(Failure.Kind.UNREACHABLE, String.valueOf(t.getMessage()));
            }
            if (msg.contains("timed out")) {
                return Failure.of(Failure.Kind.TIMEOUT);
            }
        }
        if (t instanceof SocketException || t instanceof EOFException) {
            if (msg.contains("reset") || msg.contains("broken pipe")) {
                return Failure.of(Failure.Kind.RESET);
            }
            if (msg.contains("unreachable")) {
                return new Failure(Failure.Kind.UNREACHABLE, String.valueOf(t.getMessage()));
            }
        }
        return Failure.other(t.getClass().getSimpleName() + ": " + t.getMessage());
    }

    /** The handshake's root cause in words an operator recognises. */
    static String tlsDetail(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertificateExpiredException) {
                return "certificate expired";
            }
            if (c instanceof CertificateNotYetValidException) {
                return "certificate not yet valid";
            }
            String m = String.valueOf(c.getMessage());
            if (m.contains("No subject alternative") || m.contains("No name matching")) {
                return "host name mismatch (" + m + ")";
            }
            if (m.contains("PKIX path") || m.contains("unable to find valid certification path")) {
                return "certificate not trusted";
            }
        }
        return "handshake failed (" + t.getMessage() + ")";
    }
}
