package io.lodestar.engine.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MailChannel} against GreenMail's SMTP and SMTPS servers on loopback. */
class MailChannelIT {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = MailServers.greenMail();

    static final Alert DOWN = Alert.endpointDown("www.example.com", "1.1.1.1", Instant.parse("2025-03-01T08:00:00Z"),
            "2 of last 3 probes failed: connection refused");

    private static MailSettings smtp(MailSettings.Security security, int port) {
        return MailSettings.of("127.0.0.1", port, security, "lodestar@lodestar.test").withTimeout(Duration.ofSeconds(5));
    }

    private static MimeMessage onlyMessage() {
        assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 1));
        MimeMessage[] got = GREENMAIL.getReceivedMessages();
        assertEquals(1, got.length);
        return got[0];
    }

    @Test
    void alertMailArrivesWithTheTitleAsSubjectAndTheTextAsBody() throws Exception {
        MailChannel mail = new MailChannel(smtp(MailSettings.Security.NONE, GREENMAIL.getSmtp().getPort())
                .withLogin(MailServers.LOGIN, MailServers.PASSWORD));
        Outcome o = mail.send("ops@lodestar.test", DOWN);
        assertEquals(Outcome.Status.SENT, o.status(), o.detail());

        MimeMessage m = onlyMessage();
        assertEquals("www.example.com: 1.1.1.1 is down", m.getSubject());
        assertEquals("www.example.com: 1.1.1.1 is down — 2 of last 3 probes failed: connection refused",
                m.getContent().toString().strip());
        assertEquals(new InternetAddress("lodestar@lodestar.test"), m.getFrom()[0]);
        assertEquals(new InternetAddress("ops@lodestar.test"), m.getAllRecipients()[0]);
    }

    @Test
    void wrongPasswordIsReportedInWords() {
        MailChannel mail = new MailChannel(smtp(MailSettings.Security.NONE, GREENMAIL.getSmtp().getPort())
                .withLogin(MailServers.LOGIN, "wrong"));
        Outcome o = mail.send("ops@lodestar.test", DOWN);
        assertEquals(Outcome.Status.FAILED, o.status());
        assertTrue(o.detail().startsWith("SMTP login refused"), o.detail());
    }

    @Test
    void alertMailArrivesOverSslWithTheHostNameChecked() throws Exception {
        MailChannel mail = new MailChannel(smtp(MailSettings.Security.SSL, GREENMAIL.getSmtps().getPort())
                .withLogin(MailServers.LOGIN, MailServers.PASSWORD).withTls(MailServers.trust()));
        Outcome o = mail.send("ops@lodestar.test", DOWN);
        assertEquals(Outcome.Status.SENT, o.status(), o.detail());
        assertEquals("www.example.com: 1.1.1.1 is down", onlyMessage().getSubject());
    }

    @Test
    void untrustedCertificateIsRefused() {
        MailChannel mail = new MailChannel(smtp(MailSettings.Security.SSL, GREENMAIL.getSmtps().getPort()));
        Outcome o = mail.send("ops@lodestar.test", DOWN);
        assertEquals(Outcome.Status.FAILED, o.status());
        assertTrue(o.detail().contains("TLS error"), o.detail());
        assertEquals(0, GREENMAIL.getReceivedMessages().length);
    }

    @Test
    void starttlsIsRequiredNotSilentlySkipped() {
        MailChannel mail = new MailChannel(smtp(MailSettings.Security.STARTTLS, GREENMAIL.getSmtp().getPort())
                .withLogin(MailServers.LOGIN, MailServers.PASSWORD));
        Outcome o = mail.send("ops@lodestar.test", DOWN);
        assertEquals(Outcome.Status.FAILED, o.status());
        assertTrue(o.detail().contains("does not offer STARTTLS"), o.detail());
        assertEquals(0, GREENMAIL.getReceivedMessages().length, "nothing went out in clear text");
    }

    @Test
    void refusedConnectionIsReportedInWords() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Outcome o = new MailChannel(smtp(MailSettings.Security.NONE, port)).send("ops@lodestar.test", DOWN);
        assertEquals(new Outcome(Outcome.Status.FAILED, "127.0.0.1:" + port + ": connection refused", 1), o);
    }
}
