package io.lodestar.engine.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.lodestar.engine.api.NodeFixture;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's contact calls (send test to a contact and to a group, per-domain notification
 * settings, the mail server) and the audit log's filters, against a real node, a real webhook
 * receiver and a real SMTP server (GreenMail), all on loopback.
 */
class ContactAndAuditClientIT {

    @TempDir
    Path dir;
    private NodeFixture f;
    private NodeClient client;
    private HttpServer receiver;
    private final List<String> hooks = new CopyOnWriteArrayList<>();
    private GreenMail smtp;

    @BeforeEach
    void start() throws Exception {
        f = new NodeFixture(dir);
        client = new HttpNodeClient("http://127.0.0.1:" + f.uri("/").getPort(), NodeFixture.ADMIN);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        receiver.createContext("/hook", ex -> {
            hooks.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
        receiver.stop(0);
        f.close();
    }

    private String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void sendTestToAContactReachesItsWebhookAndSaysHowEachChannelWent() {
        client.putContact(new ContactInfo("ops", "", "", hook()));
        List<DeliveryInfo> d = client.sendTest("ops");
        assertEquals(1, d.size());
        assertEquals(new DeliveryInfo("ops", "webhook", hook(), true, "sent", "HTTP 204"), d.get(0));
        assertEquals(1, hooks.size());
        assertTrue(hooks.get(0).contains("Lodestar test alert for ops"), hooks.get(0));
    }

    @Test
    void sendTestToAGroupMailsAndCallsEveryMemberOnceTheMailServerIsSet() throws Exception {
        client.putContact(new ContactInfo("alice", "alice@example.com", "", ""));
        client.putContact(new ContactInfo("bob", "", "", hook()));
        client.putContactGroup(new ContactGroupInfo("oncall", List.of("alice", "bob")));
        DeliveryInfo noServer = client.sendGroupTest("oncall").get(0);
        assertFalse(noServer.ok());
        assertTrue(noServer.detail().contains("no SMTP server"), noServer.detail());

        assertEquals(java.util.Optional.empty(), client.mailServer());
        client.putMailServer(new MailServerInfo("127.0.0.1", smtp.getSmtp().getPort(), "none", "lodestar@example.com", "", ""));
        assertEquals(java.util.Optional.of(new MailServerInfo("127.0.0.1", smtp.getSmtp().getPort(), "none",
                "lodestar@example.com", "", "")), client.mailServer());
        List<DeliveryInfo> d = client.sendGroupTest("oncall");
        assertEquals(List.of("alice", "bob"), d.stream().map(DeliveryInfo::contact).toList());
        assertTrue(d.stream().allMatch(DeliveryInfo::ok), d.toString());
        assertTrue(smtp.waitForIncomingEmail(5_000, 1));
        assertEquals("alice@example.com", smtp.getReceivedMessages()[0].getAllRecipients()[0].toString());
        assertEquals(2, hooks.size());
        NodeClientException e = assertThrows(NodeClientException.class, () -> client.sendGroupTest("nobody"));
        assertEquals(404, e.status());
    }

    @Test
    void notificationSettingsRoundTripAndAnUnknownEventNamesTheGroup() {
        client.createDomain("n.example.com", true);
        client.putContact(new ContactInfo("ops", "ops@example.com", "", ""));
        client.putContactGroup(new ContactGroupInfo("oncall", List.of("ops")));
        assertTrue(client.notifications("n.example.com").isEmpty());
        client.putNotifications("n.example.com", Map.of("oncall", List.of("endpoint_down", "all_down")));
        assertEquals(Map.of("oncall", List.of("endpoint_down", "all_down")), client.notifications("n.example.com"));
        NodeClientException e = assertThrows(NodeClientException.class,
                () -> client.putNotifications("n.example.com", Map.of("oncall", List.of("lunch"))));
        assertEquals(400, e.status());
        assertEquals(java.util.Optional.of("oncall"), e.field());
        assertEquals(Map.of("oncall", List.of("endpoint_down", "all_down")), client.notifications("n.example.com"));
    }

    @Test
    void theAuditLogFiltersByDomainActorActionAndTime() {
        client.createDomain("a.example.com", true);
        client.createDomain("b.example.com", true);
        client.addEndpoints(List.of(EndpointInfo.of("a.example.com", "192.0.2.10", "A", "beijing.CN", "ct", "", 1, true, true)));
        TokenInfo writer = client.createToken("ci", "write");
        new HttpNodeClient(client.baseUrl(), writer.secret()).createDomain("c.example.com", true);

        List<AuditRecord> a = client.audit(new AuditFilter("a.example.com", "", "", "", ""), 0, 100);
        assertEquals(List.of("endpoint.add", "domain.create"), a.stream().map(AuditRecord::action).toList());
        assertEquals(List.of("c.example.com"), client.audit(new AuditFilter("", "ci", "", "", ""), 0, 100).stream()
                .map(AuditRecord::target).toList());
        assertEquals(3, client.audit(new AuditFilter("", "", "domain", "", ""), 0, 100).size());
        assertEquals(1, client.audit(new AuditFilter("", "", "endpoint.add", "", ""), 0, 100).size());
        assertTrue(client.audit(new AuditFilter("", "", "", "2999-01-01T00:00:00Z", ""), 0, 100).isEmpty());
        assertEquals(3, client.audit(new AuditFilter("", "", "domain", "2000-01-01T00:00:00Z", "2999-01-01T00:00:00Z"), 0, 100).size());
        NodeClientException e = assertThrows(NodeClientException.class,
                () -> client.audit(new AuditFilter("", "", "", "yesterday", ""), 0, 100));
        assertEquals(java.util.Optional.of("from"), e.field());
    }
}
