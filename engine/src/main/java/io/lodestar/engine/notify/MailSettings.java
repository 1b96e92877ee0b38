package io.lodestar.engine.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How the node reaches its SMTP server. The node will read these from its configuration; until
 * then whoever builds the {@link Notifier} passes them in.
 *
 * @param security {@link Security#SSL} for implicit TLS (usually port 465), {@link Security#STARTTLS}
 *                 to upgrade a plain connection (usually 587; refused if the server cannot), or none
 * @param user     with {@code password}: log in (SMTP AUTH); empty: send without logging in
 * @param from     the sender address, e.g. {@code lodestar@example.com}
 * @param timeout  for connecting, and for each read and write
 * @param tls      whom to trust for the server's certificate; empty: the JVM's default trust store.
 *                 The host name is always checked against the certificate.
 */
public record MailSettings(String host, int port, Security security, Optional<String> user, Optional<String> password,
                           String from, Duration timeout, Optional<SSLContext> tls) {

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        NONE, STARTTLS, SSL
    }

    public MailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(tls, "tls");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("mail port " + port + " is not 1–65535");
        }
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("mail user and password go together");
        }
    }

    /** A server that needs no login, with a 10-second timeout and the default trust store. */
    public static MailSettings of(String host, int port, Security security, String from) {
        return new MailSettings(host, port, security, Optional.empty(), Optional.empty(), from, Duration.ofSeconds(10),
                Optional.empty());
    }

    public MailSettings withLogin(String user, String password) {
        return new MailSettings(host, port, security, Optional.of(user), Optional.of(password), from, timeout, tls);
    }

    public MailSettings withTls(SSLContext context) {
        return new MailSettings(host, port, security, user, password, from, timeout, Optional.of(context));
    }

    public MailSettings withTimeout(Duration t) {
        return new MailSettings(host, port, security, user, password, from, t, tls);
    }

    /** Without the password, for logs and the API. */
    @Override
    public String toString() {
        return "MailSettings[" + security + " " + host + ":" + port + user.map(u -> " as " + u).orElse("") + " from " + from + "]";
    }
}
