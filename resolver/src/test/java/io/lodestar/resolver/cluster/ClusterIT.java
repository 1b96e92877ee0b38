package io.lodestar.resolver.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 end to end: nodes as separate processes on loopback ports, a control node and members,
 * real DNS queries to every node, processes killed with SIGKILL and started again.
 */
class ClusterIT {

    private static final String WWW = "www.example.com.gtm.lodestar.test.";
    private static final String SHOP = "shop.example.com.gtm.lodestar.test.";

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private NodeProcess node(String name, String... options) throws Exception {
        Files.createDirectories(dir.resolve(name));
        NodeProcess p = new NodeProcess(name, dir.resolve(name).resolve("data"), options);
        open.add(p);
        return p;
    }

    private static void start(NodeProcess... nodes) throws Exception {
        for (NodeProcess n : nodes) {
            n.launch();
        }
        for (NodeProcess n : nodes) {
            n.ready();
        }
    }

    private static void await(String what, long seconds, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out after " + seconds + " s waiting for " + what);
            Thread.sleep(50);
        }
    }

    private static void awaitAnswer(String ip, String qname, long seconds, NodeProcess... nodes) throws InterruptedException {
        for (NodeProcess n : nodes) {
            await(n.name + " to answer " + ip + " (answers " + n.answer(qname) + ")", seconds, () -> n.answer(qname).equals(ip));
        }
    }

    /** A www.example.com with three A endpoints (not probed) on the control node. */
    private static void www(NodeProcess control) throws Exception {
        control.ok("POST", "/v1/domains", "[{\"domain\":\"www.example.com\"}]");
        StringBuilder rows = new StringBuilder("[");
        for (int i = 1; i <= 3; i++) {
            rows.append(i > 1 ? "," : "").append("{\"domain\":\"www.example.com\",\"endpoint\":\"192.0.2.").append(i)
                    .append("\",\"area\":\"beijing.CN\",\"isp\":\"ct\",\"evalHealth\":false}");
        }
        control.ok("POST", "/v1/endpoints", rows.append("]").toString());
        control.ok("PUT", "/v1/domains/www.example.com/status", "{\"status\":\"start\"}");
    }

    /** Publishes a strategy on the control node that sends everyone to 192.0.2.{@code chosen}. */
    private static void publish(NodeProcess control, int chosen) throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            items.append(i > 1 ? "," : "").append("{\"reference\":\"192.0.2.").append(i).append("\",\"weight\":")
                    .append(i == chosen ? 1 : 0).append("}");
        }
        control.ok("POST", "/v1/strategys/update-or-create", "{\"www.example.com\":{\"strategy\":{\"start\":\"r\",\"rules\":["
                + "{\"type\":\"wrr\",\"area\":\"none.CN\",\"isp\":\"other\",\"name\":\"r\",\"enable\":true,\"items\":[" + items
                + "]}]}}}");
    }

    private static void join(NodeProcess control, String url, NodeProcess member) throws Exception {
        control.ok("POST", "/v1/nodes", "{\"url\":\"" + url + "\",\"token\":\"" + member.token + "\"}");
    }

    @Test
    void publishReachesEveryMemberAndAMemberThatWasDownCatchesUp() throws Exception {
        NodeProcess control = node("control", "--site", "beijing.CN/ct");
        NodeProcess m1 = node("m1", "--site", "shanghai.CN/cu");
        NodeProcess m2 = node("m2", "--site", "guangdong.CN/cm");
        start(control, m1, m2);
        www(control);
        publish(control, 1);
        join(control, m1.url(), m1);
        join(control, m2.url(), m2);
        awaitAnswer("192.0.2.1", WWW, 15, control, m1, m2);

        publish(control, 2);
        awaitAnswer("192.0.2.2", WWW, 10, control, m1, m2);

        m2.kill();
        publish(control, 3);
        publish(control, 1);
        awaitAnswer("192.0.2.1", WWW, 10, control, m1);
        m2.launch().ready();
        awaitAnswer("192.0.2.1", WWW, 15, m2);
        await("the control node to list m2 with no lag", 10, () -> {
            try {
                String nodes = control.ok("GET", "/v1/nodes", null);
                return nodes.split("\"lag\":0").length == 4 && nodes.contains("guangdong.CN/cm");
            } catch (Exception e) {
                return false;
            }
        });

        HttpResponse<String> write = m1.call("POST", "/v1/domains", "[{\"domain\":\"rogue.example.com\"}]");
        assertEquals(409, write.statusCode(), write.body());
        assertTrue(write.body().contains(control.url()), "names its control node: " + write.body());
    }

    @Test
    void membersKeepAnsweringWhenTheControlNodeIsGoneAlsoAfterTheirOwnRestart() throws Exception {
        NodeProcess control = node("control", "--site", "beijing.CN/ct");
        NodeProcess m1 = node("m1", "--site", "shanghai.CN/cu");
        start(control, m1);
        www(control);
        publish(control, 2);
        join(control, m1.url(), m1);
        awaitAnswer("192.0.2.2", WWW, 15, m1);

        control.kill();
        await("m1 to say it is degraded", 15, () -> {
            try {
                return m1.ok("GET", "/v1/nodes", null).contains("\"status\":\"degraded\"");
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals("192.0.2.2", m1.answer(WWW), "still answers from its last snapshot");

        m1.kill();
        m1.launch().ready();
        assertEquals("192.0.2.2", m1.answer(WWW), "answers from the snapshot on disk at once after its restart");
    }

    @Test
    void aSnapshotCorruptedInTransitIsRefusedAndTheMemberKeepsTheOldOne() throws Exception {
        NodeProcess control = node("control", "--site", "beijing.CN/ct");
        NodeProcess m1 = node("m1", "--site", "shanghai.CN/cu");
        // every byte between the two nodes, both ways, passes a proxy that can turn 192.0.2.2 into 192.0.2.9
        CorruptingProxy toMember = new CorruptingProxy(m1.api, "192.0.2.2", "192.0.2.9");
        CorruptingProxy toControl = new CorruptingProxy(control.api, "192.0.2.2", "192.0.2.9");
        open.add(toMember);
        open.add(toControl);
        control.with("--advertise", toControl.url());
        start(control, m1);
        www(control);
        publish(control, 1);
        join(control, toMember.url(), m1);
        awaitAnswer("192.0.2.1", WWW, 15, m1);
        long before = version(m1.ok("GET", "/v1/nodes", null));

        toMember.corrupt = true;
        toControl.corrupt = true;
        publish(control, 2);
        await("the control node to show the refused push with its reason", 10, () -> {
            try {
                return control.ok("GET", "/v1/nodes", null).contains("checksum mismatch");
            } catch (Exception e) {
                return false;
            }
        });
        Thread.sleep(1500); // the member's own pulls come through the faulty line too
        assertEquals("192.0.2.1", m1.answer(WWW), "the member keeps the old snapshot");
        assertEquals(before, version(m1.ok("GET", "/v1/nodes", null)));
        assertTrue(Files.readString(m1.data.resolve("snapshot.json")).contains("\"version\":" + before));

        toMember.corrupt = false;
        toControl.corrupt = false;
        control.ok("POST", "/v1/nodes/" + memberId(control) + "/push", null);
        awaitAnswer("192.0.2.2", WWW, 10, m1);
    }

    private static long version(String nodesJson) {
        int i = nodesJson.indexOf("\"snapshotVersion\":") + 18;
        int end = i;
        while (Character.isDigit(nodesJson.charAt(end))) {
            end++;
        }
        return Long.parseLong(nodesJson.substring(i, end));
    }

    private static String memberId(NodeProcess control) throws Exception {
        String nodes = control.ok("GET", "/v1/nodes", null);
        int i = nodes.indexOf("\"role\":\"member\"");
        int id = nodes.lastIndexOf("\"id\":\"", i) + 6;
        return nodes.substring(id, nodes.indexOf('"', id));
    }

    @Test
    void anEndpointFailingFromOneSiteStaysUpAndGoesDownWhenTwoOfThreeSitesSeeItFail() throws Exception {
        Set<String> failingFrom = ConcurrentHashMap.newKeySet();
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 32);
        site.createContext("/", ex -> {
            int status = failingFrom.contains(ex.getRemoteAddress().getAddress().getHostAddress()) ? 503 : 200;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        site.start();
        open.add(() -> site.stop(0));
        NodeProcess control = node("control", "--site", "beijing.CN/ct", "--probe-from", "127.0.0.1");
        NodeProcess m1 = node("m1", "--site", "shanghai.CN/cu", "--probe-from", "127.0.0.2");
        NodeProcess m2 = node("m2", "--site", "guangdong.CN/cm", "--probe-from", "127.0.0.3");
        start(control, m1, m2);
        control.ok("POST", "/v1/domains", "[{\"domain\":\"shop.example.com\"}]");
        control.ok("POST", "/v1/endpoints", "[{\"domain\":\"shop.example.com\",\"endpoint\":\"127.0.0.1\"},"
                + "{\"domain\":\"shop.example.com\",\"endpoint\":\"127.0.0.9\",\"evalHealth\":false}]");
        control.ok("POST", "/v1/strategys/update-or-create", "{\"shop.example.com\":{\"strategy\":{\"start\":\"p\",\"rules\":["
                + "{\"type\":\"priority\",\"area\":\"none.CN\",\"isp\":\"other\",\"name\":\"p\",\"enable\":true,\"items\":["
                + "{\"reference\":\"127.0.0.1\",\"priority\":1},{\"reference\":\"127.0.0.9\",\"priority\":2}]}]}}}");
        control.ok("PUT", "/v1/domains/shop.example.com/status", "{\"status\":\"start\"}");
        control.ok("PUT", "/v1/domains/shop.example.com/monitor", "{\"protocol\":\"http\",\"port\":" + site.getAddress().getPort()
                + ",\"path\":\"/\",\"interval\":1,\"timeout\":1,\"window\":2,\"minFailures\":2,\"threshold\":50}");
        join(control, m1.url(), m1);
        join(control, m2.url(), m2);
        NodeProcess[] all = {control, m1, m2};
        for (NodeProcess n : all) {
            await(n.name + " to hear all three sites judge ok", 20, () -> health(n).contains("0 of 3 points failing"));
        }
        awaitAnswer("127.0.0.1", SHOP, 5, all);

        failingFrom.add("127.0.0.2");
        for (NodeProcess n : all) {
            await(n.name + " to hear one site judge it failing", 15, () -> health(n).contains("1 of 3 points failing ≤ 50 %"));
        }
        Thread.sleep(1500); // a few more rounds of probes from every site
        for (NodeProcess n : all) {
            assertEquals("127.0.0.1", n.answer(SHOP), n.name + ": one site of three is below the 50 % threshold");
        }

        failingFrom.add("127.0.0.3");
        awaitAnswer("127.0.0.9", SHOP, 15, all);
        assertTrue(health(m2).contains("2 of 3 points failing > 50 %"), health(m2));
        await("the control node to list every node's own view: the endpoint down", 10, () -> {
            try {
                return control.ok("GET", "/v1/nodes", null).split("\"shop.example.com 127.0.0.1\"").length == 4;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static String health(NodeProcess n) {
        try {
            return n.ok("GET", "/v1/domains/shop.example.com/health", null);
        } catch (Exception e) {
            return "";
        }
    }
}
