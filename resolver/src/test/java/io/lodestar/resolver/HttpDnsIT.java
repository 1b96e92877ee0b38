package io.lodestar.resolver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * HTTPDNS ({@code GET /d?dn=&ip=}) and DoH (RFC 8484, GET and POST) on a real node answer exactly
 * what DNS over UDP answers for the same client address (ECS), through java.net.http.
 */
class HttpDnsIT {

    private static final String TOKEN = "integration-test-admin-token";
    private static final String NAME = "www.example.com.gtm.lodestar.test.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Beijing Unicom, Guangdong Telecom, abroad (US). */
    private static final List<String> CLIENTS = List.of("202.106.0.20", "202.96.128.86", "8.8.8.8");
    @TempDir
    static Path dir;
    private static NodeMain node;

    @BeforeAll
    static void start() throws Exception {
        Regions regions = Regions.load();
        node = NodeMain.start(NodeOptions.parse(new String[] {"--data", dir.toString(), "--dns", "127.0.0.1:0",
            "--api", "127.0.0.1:0", "--admin-token", TOKEN, "--http-dns", "127.0.0.1:0"}), regions, IpLocator.load(regions));
        api("POST", "/v1/domains", "[{\"domain\":\"www.example.com\",\"isItmDomain\":true}]");
        api("POST", "/v1/endpoints", "["
                + "{\"domain\":\"www.example.com\",\"endpoint\":\"10.0.0.1\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
                + "{\"domain\":\"www.example.com\",\"endpoint\":\"10.0.0.2\",\"area\":\"shanghai.CN\",\"isp\":\"cu\"},"
                + "{\"domain\":\"www.example.com\",\"endpoint\":\"10.0.0.3\",\"area\":\"us.abroad\",\"isp\":\"other\"}]");
        api("PUT", "/v1/domains/www.example.com/status", "{\"status\":\"start\"}");
        api("PUT", "/v1/domains/www.example.com/providers", "{\"defaultProvider\":\"abroad\",\"providers\":["
                + "{\"name\":\"origin\",\"endpoint\":\"10.0.0.1\"},{\"name\":\"cdn\",\"endpoint\":\"10.0.0.2\"},"
                + "{\"name\":\"abroad\",\"endpoint\":\"10.0.0.3\"}],\"rules\":["
                + "{\"usersets\":\"beijing.CN/*\",\"targets\":[{\"provider\":\"origin\"}]},"
                + "{\"usersets\":\"mainland.CN/*\",\"targets\":[{\"provider\":\"cdn\"}]}]}");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static void api(String method, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + node.node().apiAddress().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), method + " " + path + ": " + r.body());
    }

    private static URI http(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + node.httpDns().orElseThrow().address().getPort() + pathAndQuery);
    }

    /** A real UDP exchange with the node's listener, ECS = client/32. */
    private static Message udpOverSocket(String client) throws Exception {
        org.xbill.DNS.SimpleResolver r = new org.xbill.DNS.SimpleResolver(InetAddress.getLoopbackAddress());
        r.setPort(node.dns().udpAddress().getPort());
        r.setTimeout(java.time.Duration.ofSeconds(3));
        return r.send(query(client));
    }

    static Message query(String client) throws Exception {
        Message m = Message.newQuery(Record.newRecord(Name.fromString(NAME), Type.A, DClass.IN));
        m.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(new ClientSubnetOption(32, InetAddress.getByName(client)))),
                Section.ADDITIONAL);
        return m;
    }

    private static List<String> addresses(Message m) {
        List<String> out = new ArrayList<>();
        for (Record r : m.getSection(Section.ANSWER)) {
            out.add(r.rdataToString());
        }
        return out;
    }

    @Test
    void httpDnsAnswersWhatDnsAnswersForTheSameClient() throws Exception {
        List<List<String>> seen = new ArrayList<>();
        for (String client : CLIENTS) {
            Message dns = udpOverSocket(client);
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(http("/d?dn=www.example.com&ip=" + client)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode j = JSON.readTree(r.body());
            assertEquals(addresses(dns), JSON.convertValue(j.get("ips"), List.class), client);
            assertEquals(dns.getSection(Section.ANSWER).get(0).getTTL(), j.get("ttl").asLong());
            assertEquals("NOERROR", j.get("rcode").asText());
            seen.add(addresses(dns));
        }
        assertEquals(List.of(List.of("10.0.0.1"), List.of("10.0.0.2"), List.of("10.0.0.3")), seen,
                "Beijing → origin, mainland → cdn, abroad → default");
    }

    @Test
    void dohGetAndPostAnswerTheSameBytesAsDns() throws Exception {
        for (String client : CLIENTS) {
            Message q = query(client);
            q.getHeader().setID(0); // RFC 8484 §4.1: ID 0 for cache friendliness
            byte[] wire = q.toWire();
            HttpResponse<byte[]> get = HTTP.send(HttpRequest.newBuilder(http("/dns-query?dns="
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(wire)))
                    .header("Accept", "application/dns-message").build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> post = HTTP.send(HttpRequest.newBuilder(http("/dns-query"))
                    .header("Content-Type", "application/dns-message")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(wire)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, get.statusCode());
            assertEquals(200, post.statusCode());
            assertEquals(Optional.of("application/dns-message"), get.headers().firstValue("Content-Type"));
            assertEquals(Optional.of("max-age=60"), get.headers().firstValue("Cache-Control"));
            Message udp = udpOverSocket(client);
            Message viaGet = new Message(get.body());
            assertEquals(addresses(udp), addresses(viaGet), client);
            assertArrayEquals(get.body(), post.body());
            assertEquals(Rcode.NOERROR, viaGet.getRcode());
        }
    }

    @Test
    void poolsShortenTheTtlWhileDownAndAnswerServfailWhenAllAreDownIfTheDomainSaysSo() throws Exception {
        api("POST", "/v1/domains", "[{\"domain\":\"sf.example.com\",\"isItmDomain\":true}]");
        api("POST", "/v1/endpoints", "[{\"domain\":\"sf.example.com\",\"endpoint\":\"10.9.0.1\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
                + "{\"domain\":\"sf.example.com\",\"endpoint\":\"10.9.0.2\",\"area\":\"beijing.CN\",\"isp\":\"ct\"}]");
        api("PUT", "/v1/domains/sf.example.com/status", "{\"status\":\"start\"}");
        api("PUT", "/v1/domains/sf.example.com/traffic", "{\"allDown\":\"servfail\",\"downTtl\":7,\"pools\":[{\"name\":\"p\","
                + "\"tier\":1,\"members\":[{\"endpoint\":\"10.9.0.1\"},{\"endpoint\":\"10.9.0.2\"}]}]}");
        io.lodestar.engine.node.Node n = node.node();
        n.health().set("sf.example.com", "10.9.0.1", io.lodestar.engine.store.HealthEvent.State.FAIL);
        n.publisher().healthChanged(List.of("sf.example.com"), "test");
        JsonNode one = JSON.readTree(HTTP.send(HttpRequest.newBuilder(http("/d?dn=sf.example.com&ip=8.8.8.8")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(List.of("10.9.0.2"), JSON.convertValue(one.get("ips"), List.class));
        assertEquals(7, one.get("ttl").asInt(), "TTL shortened while a candidate is down");
        n.health().set("sf.example.com", "10.9.0.2", io.lodestar.engine.store.HealthEvent.State.FAIL);
        n.publisher().healthChanged(List.of("sf.example.com"), "test");
        org.xbill.DNS.SimpleResolver r = new org.xbill.DNS.SimpleResolver(InetAddress.getLoopbackAddress());
        r.setPort(node.dns().udpAddress().getPort());
        Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString("sf.example.com.gtm.lodestar.test."), Type.A, DClass.IN)));
        assertEquals(Rcode.SERVFAIL, m.getRcode());
        JsonNode none = JSON.readTree(HTTP.send(HttpRequest.newBuilder(http("/d?dn=sf.example.com&ip=8.8.8.8")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("SERVFAIL", none.get("rcode").asText());
    }

    @Test
    void aPoolAnsweringAllGivesEveryHealthyAddressOverDnsAndHttpDns() throws Exception {
        api("POST", "/v1/domains", "[{\"domain\":\"all.example.com\",\"isItmDomain\":true}]");
        api("POST", "/v1/endpoints", "[{\"domain\":\"all.example.com\",\"endpoint\":\"10.8.0.1\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
                + "{\"domain\":\"all.example.com\",\"endpoint\":\"10.8.0.2\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
                + "{\"domain\":\"all.example.com\",\"endpoint\":\"10.8.0.3\",\"area\":\"beijing.CN\",\"isp\":\"ct\"}]");
        api("PUT", "/v1/domains/all.example.com/status", "{\"status\":\"start\"}");
        api("PUT", "/v1/domains/all.example.com/traffic", "{\"answer\":\"all\",\"pools\":[{\"name\":\"p\",\"tier\":1,"
                + "\"members\":[{\"endpoint\":\"10.8.0.1\"},{\"endpoint\":\"10.8.0.2\"},{\"endpoint\":\"10.8.0.3\"}]}]}");
        node.node().health().set("all.example.com", "10.8.0.2", io.lodestar.engine.store.HealthEvent.State.FAIL);
        node.node().publisher().healthChanged(List.of("all.example.com"), "test");
        org.xbill.DNS.SimpleResolver r = new org.xbill.DNS.SimpleResolver(InetAddress.getLoopbackAddress());
        r.setPort(node.dns().udpAddress().getPort());
        for (int i = 0; i < 20; i++) {
            Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString("all.example.com.gtm.lodestar.test."), Type.A, DClass.IN)));
            assertEquals(List.of("10.8.0.1", "10.8.0.3"), addresses(m).stream().sorted().toList());
        }
        JsonNode j = JSON.readTree(HTTP.send(HttpRequest.newBuilder(http("/d?dn=all.example.com&ip=8.8.8.8")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(List.of("10.8.0.1", "10.8.0.3"), JSON.convertValue(j.get("ips"), List.class));
    }

    @Test
    void badRequestsAreRefusedWithAReason() throws Exception {
        assertEquals(400, HTTP.send(HttpRequest.newBuilder(http("/d?ip=1.2.3.4")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(400, HTTP.send(HttpRequest.newBuilder(http("/d?dn=www.example.com&ip=nope")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(415, HTTP.send(HttpRequest.newBuilder(http("/dns-query")).POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(400, HTTP.send(HttpRequest.newBuilder(http("/dns-query?dns=***")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
