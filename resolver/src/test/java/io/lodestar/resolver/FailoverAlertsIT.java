package io.lodestar.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Issue "Health" end to end on a real node: two endpoints on loopback addresses with HTTP servers
 * and a priority strategy; stopping the primary's server moves DNS answers to the backup,
 * restarting it brings them back, and the alert mail and webhook arrive once each way.
 */
class FailoverAlertsIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private static final String TOKEN = "failover-test-admin-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    private NodeMain node;
    private HttpServer primary;
    private HttpServer backup;
    private HttpServer webhook;
    private final List<String> hooks = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        for (HttpServer s : new HttpServer[] {primary, backup, webhook}) {
            if (s != null) {
                s.stop(0);
            }
        }
        if (node != null) {
            node.close();
        }
    }

    private static HttpServer site(String ip, int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ip), port), 16);
        s.createContext("/", ex -> {
            byte[] b = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        s.start();
        return s;
    }

    private String api(String method, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + node.node().apiAddress().getPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), method + " " + path + ": " + r.body());
        return r.body();
    }

    private String answer() throws Exception {
        SimpleResolver r = new SimpleResolver(InetAddress.getByName("127.0.0.1"));
        r.setPort(node.dns().udpAddress().getPort());
        r.setTimeout(Duration.ofSeconds(2));
        Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString("shop.example.com.gtm.lodestar.test."), Type.A, DClass.IN)));
        for (Record rec : m.getSection(Section.ANSWER)) {
            if (rec instanceof ARecord) {
                return ((ARecord) rec).getAddress().getHostAddress();
            }
        }
        return "-";
    }

    private static void await(String what, long seconds, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    private boolean answers(String ip) {
        try {
            return answer().equals(ip);
        } catch (Exception e) {
            return false;
        }
    }

    /** Two sites on 127.0.0.2/3 with HTTP servers, a priority strategy, a 1 s monitor; returns the port. */
    private int startNodeWithTwoSites(String kinds) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            port = free.getLocalPort();
        }
        primary = site("127.0.0.2", port);
        backup = site("127.0.0.3", port);
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        webhook.createContext("/hook", ex -> {
            hooks.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        webhook.start();

        Regions regions = Regions.load();
        node = NodeMain.start(NodeOptions.parse(new String[] {"--data", dir.toString(), "--dns", "127.0.0.1:0",
            "--api", "127.0.0.1:0", "--admin-token", TOKEN}), regions, IpLocator.load(regions));
        api("PUT", "/v1/settings/mail", "{\"host\":\"127.0.0.1\",\"port\":" + SMTP.getSmtp().getPort()
                + ",\"security\":\"none\",\"from\":\"lodestar@lodestar.test\"}");
        api("POST", "/v1/contacts", "{\"name\":\"oncall\",\"email\":\"oncall@example.com\",\"webhook\":\"http://127.0.0.1:"
                + webhook.getAddress().getPort() + "/hook\"}");
        api("POST", "/v1/contact-groups", "{\"name\":\"ops\",\"members\":[\"oncall\"]}");
        api("POST", "/v1/domains", "[{\"domain\":\"shop.example.com\"}]");
        api("PUT", "/v1/domains/shop.example.com/notifications", "{\"ops\":[" + kinds + "]}");
        api("POST", "/v1/endpoints", "[{\"domain\":\"shop.example.com\",\"endpoint\":\"127.0.0.2\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
                + "{\"domain\":\"shop.example.com\",\"endpoint\":\"127.0.0.3\",\"area\":\"shanghai.CN\",\"isp\":\"cu\"}]");
        api("POST", "/v1/strategys/update-or-create", "{\"shop.example.com\":{\"strategy\":{\"start\":\"主备\",\"rules\":[{\"type\":"
                + "\"priority\",\"area\":\"none.CN\",\"isp\":\"other\",\"name\":\"主备\",\"enable\":true,\"items\":["
                + "{\"reference\":\"127.0.0.2\",\"priority\":1},{\"reference\":\"127.0.0.3\",\"priority\":2}]}]}}}");
        api("PUT", "/v1/domains/shop.example.com/monitor", "{\"protocol\":\"http\",\"port\":" + port
                + ",\"path\":\"/\",\"interval\":1,\"timeout\":1,\"window\":3,\"minFailures\":2,\"threshold\":50}");
        await("both endpoints judged ok", 15, () -> {
            try {
                return api("GET", "/v1/endpoints?domain=shop.example.com", null).split("\"status\":\"ok\"").length == 3;
            } catch (Exception e) {
                return false;
            }
        });
        return port;
    }

    @Test
    void failsOverToBackupWhenPrimaryIsDownAndBackWithOneAlertEachWay() throws Exception {
        int port = startNodeWithTwoSites("\"endpoint_down\",\"endpoint_up\"");
        assertEquals("127.0.0.2", answer());
        String health = api("GET", "/v1/domains/shop.example.com/health", null);
        assertTrue(health.contains("\"endpoint\":\"127.0.0.2\"") && health.contains("none.CN/other") && health.contains("latencyMs"), health);
        String probed = api("POST", "/v1/domains/shop.example.com/probe", null);
        assertTrue(probed.contains("127.0.0.3") && probed.contains("\"ok\":true"), probed);

        primary.stop(0);
        await("answers to move to the backup", 10, () -> answers("127.0.0.3"));
        primary = site("127.0.0.2", port);
        await("answers to come back to the primary", 10, () -> answers("127.0.0.2"));

        await("two alert mails", 10, () -> SMTP.getReceivedMessages().length >= 2);
        await("two webhooks", 10, () -> hooks.size() >= 2);
        Thread.sleep(1500); // nothing more may arrive
        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertEquals(2, mails.length, "one mail down, one up");
        assertTrue(mails[0].getSubject().contains("127.0.0.2") && mails[0].getSubject().toLowerCase().contains("down"), mails[0].getSubject());
        assertTrue(mails[1].getSubject().contains("127.0.0.2") && mails[1].getSubject().toLowerCase().contains("up"), mails[1].getSubject());
        assertEquals(2, hooks.size(), "one webhook down, one up: " + hooks);
        assertTrue(hooks.get(0).contains("endpoint_down") && hooks.get(1).contains("endpoint_up"), hooks.toString());
        String history = api("GET", "/v1/domains/shop.example.com/distribution/history?from=2000-01-01T00:00:00Z", null);
        assertTrue(history.contains("127.0.0.2 ok → fail") && history.contains("127.0.0.2 fail → ok"), history);
    }

    @Test
    void everyEndpointDownFailsOpenAndAlertsOnce() throws Exception {
        startNodeWithTwoSites("\"all_down\"");
        primary.stop(0);
        backup.stop(0);
        primary = null;
        backup = null;
        await("an all-down alert mail", 15, () -> SMTP.getReceivedMessages().length >= 1);
        Thread.sleep(1500);
        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertEquals(1, mails.length, "one all-down mail");
        assertTrue(mails[0].getSubject().contains("all endpoints are down"), mails[0].getSubject());
        assertEquals("127.0.0.2", answer(), "fail open: answered as if all were up, by the priority rule");
    }
}
