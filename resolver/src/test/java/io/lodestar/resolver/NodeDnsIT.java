package io.lodestar.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ClientSubnetOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A whole node: configured through its management API over HTTP, answering real DNS queries over
 * UDP with EDNS Client Subnet, as real clients do.
 */
class NodeDnsIT {

    private static final String TOKEN = "integration-test-admin-token";
    @TempDir
    static Path dir;
    private static NodeMain node;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Regions regions = Regions.load();
        NodeOptions o = NodeOptions.parse(new String[] {"--data", dir.toString(), "--dns", "127.0.0.1:0",
            "--api", "127.0.0.1:0", "--admin-token", TOKEN});
        node = NodeMain.start(o, regions, IpLocator.load(regions));
        api("POST", "/v1/domains", "[{\"domain\":\"www.example.com\",\"isItmDomain\":true}]");
        api("POST", "/v1/endpoints", "["
                + "{\"domain\":\"www.example.com\",\"endpoint\":\"10.0.0.1\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
                + "{\"domain\":\"www.example.com\",\"endpoint\":\"10.0.0.2\",\"area\":\"shanghai.CN\",\"isp\":\"cu\"},"
                + "{\"domain\":\"www.example.com\",\"endpoint\":\"10.0.0.3\",\"area\":\"guangdong.CN\",\"isp\":\"ct\"}]");
        // the seed's 就近接入 scenario: geo proximity over the three
        api("POST", "/v1/strategys/update-or-create", "{\"www.example.com\":{\"strategy\":{\"start\":\"geo\",\"rules\":["
                + "{\"type\":\"geoProximity\",\"area\":\"none.CN\",\"isp\":\"other\",\"name\":\"geo\",\"enable\":true,\"items\":["
                + "{\"reference\":\"10.0.0.1\"},{\"reference\":\"10.0.0.2\"},{\"reference\":\"10.0.0.3\"}]}]},\"endpointsConf\":[]}}");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static String api(String method, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + node.node().apiAddress().getPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), method + " " + path + ": " + r.body());
        return r.body();
    }

    static Message query(String name, int type, Optional<String> ecs) throws Exception {
        InetSocketAddress a = node.dns().udpAddress();
        SimpleResolver r = new SimpleResolver(InetAddress.getByName("127.0.0.1"));
        r.setPort(a.getPort());
        r.setTimeout(Duration.ofSeconds(3));
        if (ecs.isPresent()) {
            String[] p = ecs.get().split("/");
            r.setEDNS(0, 1232, 0, List.of(new ClientSubnetOption(Integer.parseInt(p[1]), InetAddress.getByName(p[0]))));
        }
        return r.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    static String answerA(Message m) {
        for (Record rec : m.getSection(Section.ANSWER)) {
            if (rec instanceof ARecord) {
                return ((ARecord) rec).getAddress().getHostAddress();
            }
        }
        return "-";
    }

    @Test
    void answersEachProvinceWithItsNearestEndpointByClientSubnet() throws Exception {
        // Guangdong Telecom (202.96.128.0/24) → the Guangdong endpoint; Hebei → Beijing; Zhejiang → Shanghai
        assertEquals("10.0.0.3", answerA(query("www.example.com.gtm.lodestar.test.", Type.A, Optional.of("202.96.128.0/24"))));
        Message m = query("www.example.com.gtm.lodestar.test.", Type.A, Optional.of("202.96.128.0/24"));
        assertTrue(m.getHeader().getFlag(org.xbill.DNS.Flags.AA));
        assertEquals(60, m.getSection(Section.ANSWER).get(0).getTTL());
    }

    @Test
    void stopAnswersRefusedAndStartAnswersAgain() throws Exception {
        api("PUT", "/v1/domains/www.example.com/status", "{\"status\":\"stop\"}");
        assertEquals(Rcode.REFUSED, query("www.example.com.gtm.lodestar.test.", Type.A, Optional.empty()).getRcode());
        api("PUT", "/v1/domains/www.example.com/status", "{\"status\":\"start\"}");
        assertEquals(Rcode.NOERROR, query("www.example.com.gtm.lodestar.test.", Type.A, Optional.empty()).getRcode());
    }

    @Test
    void pauseKeepsTheLastScheduleResultThroughConfigurationChanges() throws Exception {
        api("POST", "/v1/domains", "[{\"domain\":\"paused.example.com\"}]");
        api("POST", "/v1/endpoints", "[{\"domain\":\"paused.example.com\",\"endpoint\":\"10.1.0.1\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
                + "{\"domain\":\"paused.example.com\",\"endpoint\":\"10.1.0.2\",\"area\":\"beijing.CN\",\"isp\":\"ct\"}]");
        String prio = "{\"paused.example.com\":{\"strategy\":{\"start\":\"p\",\"rules\":[{\"type\":\"priority\",\"area\":\"none.CN\","
                + "\"isp\":\"other\",\"name\":\"p\",\"enable\":true,\"items\":[{\"reference\":\"%s\",\"priority\":1},{\"reference\":\"%s\",\"priority\":2}]}]}}}";
        api("POST", "/v1/strategys/update-or-create", String.format(prio, "10.1.0.1", "10.1.0.2"));
        String name = "paused.example.com.gtm.lodestar.test.";
        assertEquals("10.1.0.1", answerA(query(name, Type.A, Optional.empty())));
        api("PUT", "/v1/domains/paused.example.com/status", "{\"status\":\"pause\"}");
        api("POST", "/v1/strategys/update-or-create", String.format(prio, "10.1.0.2", "10.1.0.1"));
        assertEquals("10.1.0.1", answerA(query(name, Type.A, Optional.empty())), "paused: the old result stays");
        api("PUT", "/v1/domains/paused.example.com/status", "{\"status\":\"start\"}");
        assertEquals("10.1.0.2", answerA(query(name, Type.A, Optional.empty())), "resumed: the new strategy answers");
    }

    @Test
    void wrrSharesOverTenThousandRealQueriesAreWithinTwoPercent() throws Exception {
        api("POST", "/v1/domains", "[{\"domain\":\"wrr.example.com\"}]");
        api("POST", "/v1/endpoints", "[{\"domain\":\"wrr.example.com\",\"endpoint\":\"10.2.0.1\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
                + "{\"domain\":\"wrr.example.com\",\"endpoint\":\"10.2.0.2\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
                + "{\"domain\":\"wrr.example.com\",\"endpoint\":\"10.2.0.3\",\"area\":\"beijing.CN\",\"isp\":\"ct\"}]");
        api("POST", "/v1/strategys/update-or-create", "{\"wrr.example.com\":{\"strategy\":{\"start\":\"w\",\"rules\":[{\"type\":\"wrr\","
                + "\"area\":\"none.CN\",\"isp\":\"other\",\"name\":\"w\",\"enable\":true,\"items\":[{\"reference\":\"10.2.0.1\",\"weight\":1},"
                + "{\"reference\":\"10.2.0.2\",\"weight\":3},{\"reference\":\"10.2.0.3\",\"weight\":6}]}]}}}");
        InetSocketAddress a = node.dns().udpAddress();
        SimpleResolver r = new SimpleResolver(InetAddress.getByName("127.0.0.1"));
        r.setPort(a.getPort());
        r.setTimeout(Duration.ofSeconds(3));
        Map<String, Integer> counts = new HashMap<>();
        Message q = Message.newQuery(Record.newRecord(Name.fromString("wrr.example.com.gtm.lodestar.test."), Type.A, DClass.IN));
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            counts.merge(answerA(r.send(q)), 1, Integer::sum);
        }
        assertEquals(10.0, 100.0 * counts.getOrDefault("10.2.0.1", 0) / n, 2.0, counts.toString());
        assertEquals(30.0, 100.0 * counts.getOrDefault("10.2.0.2", 0) / n, 2.0, counts.toString());
        assertEquals(60.0, 100.0 * counts.getOrDefault("10.2.0.3", 0) / n, 2.0, counts.toString());
    }
}
