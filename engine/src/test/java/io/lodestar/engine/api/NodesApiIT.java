package io.lodestar.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestar.engine.cluster.SnapshotCodec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /v1/nodes} and the member's refusals, on two in-process nodes: a member takes snapshots
 * only from the control node that joined it, never an older one, never a broken one (and a refused
 * snapshot changes nothing), and refuses configuration writes naming its control node.
 */
class NodesApiIT {

    @TempDir
    Path dir;
    private NodeFixture control;
    private NodeFixture member;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        control = new NodeFixture(dir.resolve("control"));
        member = new NodeFixture(dir.resolve("member"));
    }

    @AfterEach
    void stop() {
        member.close();
        control.close();
    }

    private static String ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    private void joined() throws Exception {
        ok(control.call("POST", "/v1/domains", "[{\"domain\":\"www.example.com\"}]"));
        ok(control.call("POST", "/v1/nodes", "{\"url\":\"" + member.uri("") + "\",\"token\":\"" + NodeFixture.ADMIN + "\"}"));
        await("the member to have the domain", () -> member.node.services().domains().list().size() == 1
                && memberVersion() == control.node.cluster().snapshotVersion());
    }

    private long memberVersion() {
        return member.node.cluster().snapshotVersion();
    }

    @Test
    void listsTheControlNodeFirstAndTheMemberWithItsSiteAndVersion() throws Exception {
        joined();
        await("no lag", () -> {
            try {
                return ok(control.call("GET", "/v1/nodes", null)).contains("\"lag\":0,\"lastContact\":\"2");
            } catch (Exception e) {
                return false;
            }
        });
        String nodes = ok(control.call("GET", "/v1/nodes", null));
        assertTrue(nodes.startsWith("[{\"id\":\"" + control.node.cluster().id() + "\",\"name\":\"local\",\"role\":\"control\""), nodes);
        assertTrue(nodes.contains("\"role\":\"member\",\"site\":\"none.CN/other\""), nodes);
        assertTrue(ok(control.call("GET", "/v1/audit", null)).contains("\"action\":\"node.add\""), "joining is audited");
        String mine = ok(member.call("GET", "/v1/nodes", null));
        assertTrue(mine.contains("\"role\":\"member\"") && mine.contains("\"controlUrl\":\"" + control.uri("")), mine);
    }

    @Test
    void aMemberRefusesConfigurationWritesNamingItsControlNode() throws Exception {
        joined();
        HttpResponse<String> r = member.call("PUT", "/v1/domains/www.example.com/status", "{\"status\":\"start\"}");
        assertEquals(409, r.statusCode(), r.body());
        assertTrue(r.body().contains("MemberNode") && r.body().contains(control.uri("").toString()), r.body());
        assertEquals(200, member.call("GET", "/v1/domains", null).statusCode(), "reads are fine");
    }

    @Test
    void aSnapshotFromAnotherTokenOrAnotherControlNodeIsRefused() throws Exception {
        joined();
        String intruder = mapper.readTree(ok(member.call("POST", "/v1/tokens", "{\"name\":\"intruder\",\"role\":\"full\"}")))
                .path("token").asText();
        byte[] current = Files.readAllBytes(dir.resolve("control").resolve("snapshot.json"));
        HttpResponse<String> r = member.call("PUT", "/v1/cluster/snapshot", new String(current, StandardCharsets.UTF_8), intruder);
        assertEquals(403, r.statusCode(), r.body());

        SnapshotCodec codec = new SnapshotCodec();
        ObjectNode config = (ObjectNode) codec.read(current).config();
        byte[] foreign = codec.write(codec.seal(999, "n-someone-else", Instant.now(), config));
        r = member.call("PUT", "/v1/cluster/snapshot", new String(foreign, StandardCharsets.UTF_8));
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("accepts configuration only from " + control.node.cluster().id()), r.body());
    }

    @Test
    void anOlderOrInvalidSnapshotIsRefusedWholeAndChangesNothing() throws Exception {
        joined();
        byte[] old = Files.readAllBytes(dir.resolve("control").resolve("snapshot.json"));
        ok(control.call("POST", "/v1/domains", "[{\"domain\":\"two.example.com\"}]"));
        await("the member to have both domains", () -> member.node.services().domains().list().size() == 2
                && memberVersion() == control.node.cluster().snapshotVersion());
        long version = memberVersion();
        String before = member.dump();

        HttpResponse<String> r = member.call("PUT", "/v1/cluster/snapshot", new String(old, StandardCharsets.UTF_8));
        assertEquals(409, r.statusCode(), r.body());
        assertTrue(r.body().contains("StaleSnapshot"), r.body());

        SnapshotCodec codec = new SnapshotCodec();
        ObjectNode config = codec.read(Files.readAllBytes(dir.resolve("control").resolve("snapshot.json"))).config();
        ((ObjectNode) config.path("domains").get(0)).putArray("endpoints").addObject()
                .put("endpoint", "192.0.2.1").put("type", "A").put("area", "atlantis.CN").put("isp", "ct");
        ((ObjectNode) config.path("domains").get(1)).put("ttl", 61);
        byte[] invalid = codec.write(codec.seal(version + 1, control.node.cluster().id(), Instant.now(), config));
        r = member.call("PUT", "/v1/cluster/snapshot", new String(invalid, StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("atlantis.CN"), r.body());

        assertEquals(version, memberVersion());
        assertEquals(before, member.dump(), "a refused snapshot leaves every table as it was");
    }

    @Test
    void addingANodeServingAnotherZoneOrWithABadTokenIsRefused() throws Exception {
        HttpResponse<String> r = control.call("POST", "/v1/nodes", "{\"url\":\"" + member.uri("") + "\",\"token\":\"wrong-token\"}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("unknown or revoked token"), r.body());
        r = control.call("POST", "/v1/nodes", "{\"url\":\"" + control.uri("") + "\",\"token\":\"" + NodeFixture.ADMIN + "\"}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("is this node itself"), r.body());
    }

    @Test
    void aRemovedMemberKeepsItsConfigurationAndCanJoinAnotherControlNode() throws Exception {
        joined();
        ok(control.call("DELETE", "/v1/nodes/" + member.node.cluster().id(), null));
        await("the member to be standalone", () -> member.node.cluster().role().equals("standalone"));
        assertEquals(1, member.node.services().domains().list().size(), "it keeps serving what it had");
        assertEquals(200, member.call("PUT", "/v1/domains/www.example.com/status", "{\"status\":\"start\"}").statusCode(),
                "and takes writes again");
        try (NodeFixture other = new NodeFixture(dir.resolve("other"))) {
            ok(other.call("POST", "/v1/domains", "[{\"domain\":\"other.example.com\"},{\"domain\":\"more.example.com\"}]"));
            ok(other.call("POST", "/v1/nodes", "{\"url\":\"" + member.uri("") + "\",\"token\":\"" + NodeFixture.ADMIN + "\"}"));
            await("the member to take the new control node's configuration (its numbers start again)", () ->
                    member.node.services().domains().list().stream().map(d -> d.domain()).sorted().toList()
                            .equals(java.util.List.of("more.example.com", "other.example.com")));
        }
    }
}
