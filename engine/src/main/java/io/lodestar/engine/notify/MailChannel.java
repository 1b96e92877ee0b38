package io.lodestar.engine.notify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/**
 * E-mail over SMTP with Jakarta Mail (Eclipse Angus): one plain-text message per notice, subject =
 * title. Blocking: the {@link Notifier} calls it on its own delivery thread, never on a probe's or
 * a query's. Each send opens its own connection; alerts are rare enough that pooling would only add
 * state.
 */
public final class MailChannel {

    private final MailSettings settings;
    private final Session session;
    private final String protocol;

    public MailChannel(MailSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.protocol = settings.security() == MailSettings.Security.SSL ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(settings, protocol)); // never the static default session
    }

    private static Properties properties(MailSettings s, String proto) {
        String p = "mail." + proto + ".";
        String ms = Long.toString(s.timeout().toMillis());
        Properties props = new Properties();
        props.put("mail.transport.protocol", proto);
        props.put(p + "host", s.host());
        props.put(p + "port", Integer.toString(s.port()));
        props.put(p + "connectiontimeout", ms);
        props.put(p + "timeout", ms);
        props.put(p + "writetimeout", ms);
        props.put(p + "from", s.from());
        props.put(p + "auth", Boolean.toString(s.user().isPresent()));
        props.put(p + "ssl.checkserveridentity", "true");
        if (s.security() == MailSettings.Security.STARTTLS) {
            // required: a server (or a man in the middle) that does not offer STARTTLS gets nothing in clear text
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        s.tls().ifPresent(ctx -> props.put(p + "ssl.socketFactory", ctx.getSocketFactory()));
        return props;
    }

    /** Sends one notice to one address; returns how it went, never throws for delivery problems. */
    public Outcome send(String to, Notice n) {
        MimeMessage m = new MimeMessage(session);
        try {
            m.setFrom(new InternetAddress(settings.from(), true));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            m.setSubject(n.title(), StandardCharsets.UTF_8.name());
            m.setText(n.text(), StandardCharsets.UTF_8.name());
            m.setSentDate(Date.from(n.time()));
            m.setHeader("X-Lodestar-Kind", n.wireKind());
        } catch (AddressException e) {
            return Outcome.failed("bad address: " + e.getMessage(), 0);
        } catch (MessagingException e) {
            return Outcome.failed("cannot build the message: " + e.getMessage(), 0);
        }
        try (Transport t = session.getTransport(protocol)) {
            t.connect(settings.host(), settings.port(), settings.user().orElse(null), settings.password().orElse(null));
            t.sendMessage(m, m.getAllRecipients());
            return Outcome.sent("sent via " + settings.host() + ":" + settings.port(), 1);
        } catch (AuthenticationFailedException e) {
            return Outcome.failed("SMTP login refused" + detail(e), 1);
        } catch (SendFailedException e) {
            return Outcome.failed("the server refused the recipient " + to + detail(e), 1);
        } catch (MessagingException e) {
            return Outcome.failed(describe(e), 1);
        }
    }

    private String describe(MessagingException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("STARTTLS")) {
            return settings.host() + ":" + settings.port() + " does not offer STARTTLS, so nothing was sent in clear text";
        }
        return settings.host() + ":" + settings.port() + ": " + Failures.describe(e);
    }

    private static String detail(MessagingException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage().strip();
    }

    @Override
    public String toString() {
        return "MailChannel[" + settings + "]";
    }
}
