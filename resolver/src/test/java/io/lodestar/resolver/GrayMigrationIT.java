package io.lodestar.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
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
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ClientSubnetOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Issue 9 end to end on a real node: a gray migration from A (127.0.0.2) to B (127.0.0.3), both
 * with HTTP servers and a 1 s monitor. DNS answers over UDP follow each step within ±3 % over
 * 2 000 queries; a second ramp whose target's server is killed mid-way rolls back to its last good
 * step and sends an alert (webhook); the all-down SERVFAIL policy answers SERVFAIL.
 */
class GrayMigrationIT {

    private static final String TOKEN = "gray-migration-test-token";
    private static final String D = "/v1/domains/app.example.com";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUERIES = 2_000;
    @TempDir
    Path dir;
    private NodeMain node;
    private HttpServer a;
    private HttpServer b;
    private HttpServer webhook;
    private final List<String> hooks = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        for (HttpServer s : new HttpServer[] {a, b, webhook}) {
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
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            ex.close();
        });
        s.start();
        return s;
    }

    private void startNode() throws Exception {
        Regions regions = Regions.load();
        node = NodeMain.start(NodeOptions.parse(new String[] {"--data", dir.toString(), "--dns", "127.0.0.1:0",
            "--api", "127.0.0.1:0", "--admin-token", TOKEN}), regions, IpLocator.load(regions));
    }

    /** A port free on 127.0.0.2 (the sites of A and B listen on it at 127.0.0.2 and 127.0.0.3). */
    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            return free.getLocalPort();
        }
    }

    /**
     * app.example.com with A (127.0.0.2, Beijing) and B (127.0.0.3, Shanghai), every answer to A, an
     * http monitor at 1 s on {@code port}; returns once both are judged ok.
     */
    private void appOnBothSites(int port) throws Exception {
        api("POST", "/v1/domains", "[{\"domain\":\"app.example.com\"}]");
        api("POST", "/v1/endpoints", "[{\"domain\":\"app.example.com\",\"endpoint\":\"127.0.0.2\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
                + "{\"domain\":\"app.example.com\",\"endpoint\":\"127.0.0.3\",\"area\":\"shanghai.CN\",\"isp\":\"cu\"}]");
        api("POST", "/v1/strategys/update-or-create", "{\"app.example.com\":{\"strategy\":{\"start\":\"a\",\"rules\":[{\"type\":"
                + "\"wrr\",\"area\":\"none.CN\",\"isp\":\"other\",\"name\":\"a\",\"enable\":true,\"items\":["
                + "{\"reference\":\"127.0.0.2\",\"weight\":1}]}]}}}");
        api("PUT", D + "/monitor", "{\"protocol\":\"http\",\"port\":" + port
                + ",\"path\":\"/\",\"interval\":1,\"timeout\":1,\"window\":1,\"minFailures\":1,\"threshold\":50}");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (api("GET", "/v1/endpoints?domain=app.example.com", null).split("\"status\":\"ok\"").length != 3) {
            assertTrue(System.nanoTime() < deadline, "both endpoints judged ok");
            Thread.sleep(50);
        }
    }

    private String api(String method, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + node.node().apiAddress().getPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), method + " " + path + ": " + r.body());
        return r.body();
    }

    private JsonNode ramp() throws Exception {
        return JSON.readTree(api("GET", D + "/ramp", null));
    }

    private JsonNode await(String what, int seconds, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (true) {
            JsonNode r = ramp();
            if (done.test(r)) {
                return r;
            }
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what + ": " + r);
            Thread.sleep(20);
        }
    }

    /** Share of B (percent) in {@link #QUERIES} UDP answers to a Guangdong Telecom client (ECS), and the rcode seen. */
    private double shareOfB(DatagramSocket socket) throws Exception {
        Message q = Message.newQuery(Record.newRecord(Name.fromString("app.example.com.gtm.lodestar.test."), Type.A, DClass.IN));
        q.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(new ClientSubnetOption(24, InetAddress.getByName("202.96.128.0")))),
                Section.ADDITIONAL);
        byte[] wire = q.toWire();
        InetSocketAddress to = node.dns().udpAddress();
        byte[] buf = new byte[1500];
        int toB = 0;
        for (int i = 0; i < QUERIES; i++) {
            wire[0] = (byte) (i >> 8);
            wire[1] = (byte) i;
            socket.send(new DatagramPacket(wire, wire.length, to));
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.receive(p);
            Message m = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
            assertEquals(Rcode.NOERROR, m.getRcode());
            String ip = ((ARecord) m.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress();
            toB += ip.equals("127.0.0.3") ? 1 : 0;
        }
        return 100.0 * toB / QUERIES;
    }

    /** Measures a whole batch inside one step (the step in force before and after is the same). */
    private double shareDuringStep(DatagramSocket socket, int step) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            await("step " + step, 20, r -> r.get("step").asInt() >= step);
            if (ramp().get("step").asInt() != step) {
                break;
            }
            double share = shareOfB(socket);
            if (ramp().get("step").asInt() == step) {
                return share;
            }
        }
        throw new AssertionError("could not measure step " + step + " within its hold time");
    }

    @Test
    void dnsSharesFollowTheStepsAndAKilledTargetRollsBackWithAnAlert() throws Exception {
        int port = freePort();
        a = site("127.0.0.2", port);
        b = site("127.0.0.3", port);
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        webhook.createContext("/hook", ex -> {
            hooks.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        webhook.start();
        startNode();
        api("POST", "/v1/contacts", "{\"name\":\"oncall\",\"webhook\":\"http://127.0.0.1:"
                + webhook.getAddress().getPort() + "/hook\"}");
        api("POST", "/v1/contact-groups", "{\"name\":\"ops\",\"members\":[\"oncall\"]}");
        appOnBothSites(port);
        api("PUT", D + "/notifications", "{\"ops\":[\"ramp\"]}");

        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(2_000);
            assertEquals(0.0, shareOfB(socket));
            api("PUT", D + "/ramp", "{\"from\":\"127.0.0.2\",\"to\":\"127.0.0.3\",\"steps\":[1,5,25,100],\"holdSeconds\":3}");
            int[] percent = {1, 5, 25, 100};
            for (int step = 0; step < percent.length; step++) {
                double share = shareDuringStep(socket, step);
                assertEquals(percent[step], share, 3.0, "share of B at step " + (step + 1));
            }
            await("the ramp to finish", 10, r -> r.get("status").asText().equals("done"));
            assertEquals(100.0, shareOfB(socket));

            // a second migration back, killed mid-way: the gate closes, the ramp rolls back and alerts
            api("DELETE", D + "/ramp", null);
            api("PUT", D + "/ramp", "{\"from\":\"127.0.0.2\",\"to\":\"127.0.0.3\",\"steps\":[10,50,100],\"holdSeconds\":8}");
            await("step 1 of the second ramp", 5, r -> r.get("percent").asInt() == 10);
            b.stop(0);
            b = null;
            JsonNode back = await("the rollback", 10, r -> r.get("status").asText().equals("rolledBack"));
            assertEquals(-1, back.get("lastGoodStep").asInt());
            assertEquals(0, back.get("percent").asInt(), "no step held: back to 0 %");
            assertEquals(0.0, shareOfB(socket), "B is down: nobody goes there");
            assertTrue(back.get("timeline").findValuesAsText("event").contains("rolledBack"), back.toString());
        }
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hooks.stream().noneMatch(h -> h.contains("gray migration rolled back"))) {
            assertTrue(System.nanoTime() < until, "a rollback alert: " + hooks);
            Thread.sleep(20);
        }
        // every ramp alert has the kind ramp (a group that hears only ramp gets them); the step alerts came too
        assertTrue(hooks.stream().allMatch(h -> h.contains("\"kind\":\"ramp\"")), hooks.toString());
        assertTrue(hooks.stream().anyMatch(h -> h.contains("gray migration rolled back")
                && h.contains("step 1 at 10 % failed")), hooks.toString());
        assertTrue(hooks.stream().anyMatch(h -> h.contains("gray migration advanced to 5 %")), hooks.toString());
        assertTrue(hooks.stream().anyMatch(h -> h.contains("gray migration completed")), hooks.toString());
        String history = api("GET", D + "/distribution/history?from=2000-01-01T00:00:00Z", null);
        // each step is a history row; the rollback's result was already in force (B down), so no row of its own
        for (String step : List.of("step 1 of 4: 1 %", "step 2 of 4: 5 %", "step 3 of 4: 25 %", "step 4 of 4: 100 %",
                "step 1 of 3: 10 %", "127.0.0.3 ok → fail")) {
            assertTrue(history.contains(step), step + " in " + history);
        }
    }

    @Test
    void aTargetAnsweringSlowerThanTheBoundClosesTheGateAndTheRampRollsBack() throws Exception {
        int port = freePort();
        a = site("127.0.0.2", port);
        b = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), port), 16);
        b.createContext("/", ex -> { // healthy, but 300 ms to answer
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            ex.close();
        });
        b.start();
        startNode();
        appOnBothSites(port); // the slow one is judged ok too: 300 ms is within the 1 s timeout
        api("PUT", D + "/ramp", "{\"from\":\"127.0.0.2\",\"to\":\"127.0.0.3\",\"steps\":[10,50,100],\"holdSeconds\":8,"
                + "\"maxLatencyMs\":100}");
        JsonNode back = await("the rollback", 10, r -> r.get("status").asText().equals("rolledBack"));
        assertEquals(0, back.get("percent").asInt(), "no step held: back to 0 %");
        assertTrue(back.get("timeline").findValuesAsText("detail").stream().anyMatch(d -> d.contains("probe latency")
                && d.contains("over 100 ms")), back.toString());
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(2_000);
            assertEquals(0.0, shareOfB(socket), "the slow target gets nobody");
        }
    }
}
