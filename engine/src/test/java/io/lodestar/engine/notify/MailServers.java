package io.lodestar.engine.notify;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * GreenMail SMTP and SMTPS on loopback ports, with one user who may log in. The SMTPS certificate
 * is a test one for 127.0.0.1 and localhost ({@code notify/smtp-test.p12}), so the client checks
 * the host name against it as in production; {@link #trust()} trusts exactly that certificate.
 * (GreenMail 2.1 has no STARTTLS, so STARTTLS is tested only for refusing a server without it.)
 */
final class MailServers {

    static final String USER = "alerts@lodestar.test";
    static final String LOGIN = "alerts";
    static final String PASSWORD = "s3cret";
    private static final String STORE = "notify/smtp-test.p12";
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    private MailServers() {
    }

    /** GreenMail reads its key store from these properties once per JVM, when SMTPS first starts. */
    static GreenMailExtension greenMail() {
        try {
            System.setProperty("greenmail.tls.keystore.file",
                    Path.of(MailServers.class.getClassLoader().getResource(STORE).toURI()).toString());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        System.setProperty("greenmail.tls.keystore.password", "changeit");
        System.setProperty("greenmail.tls.key.password", "changeit");
        return new GreenMailExtension(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, LOGIN, PASSWORD));
    }

    static SSLContext trust() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = MailServers.class.getClassLoader().getResourceAsStream(STORE)) {
            ks.load(in, STORE_PASSWORD);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
