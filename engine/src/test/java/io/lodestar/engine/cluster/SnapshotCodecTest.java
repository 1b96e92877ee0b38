package io.lodestar.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCodecTest {

    private final SnapshotCodec codec = new SnapshotCodec();
    private final ObjectMapper mapper = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-23T17:00:00Z");

    private ObjectNode config(String json) throws Exception {
        return (ObjectNode) mapper.readTree(json);
    }

    @Test
    void sameConfigurationInAnyKeyOrderHasTheSameBytesAndChecksum() throws Exception {
        ClusterSnapshot a = codec.seal(3, "n-1", AT, config("{\"zone\":\"z\",\"domains\":[{\"b\":1,\"a\":2}]}"));
        ClusterSnapshot b = codec.seal(3, "n-1", AT, config("{\"domains\":[{\"a\":2,\"b\":1}],\"zone\":\"z\"}"));
        assertEquals(a.sha256(), b.sha256());
        assertArrayEquals(codec.write(a), codec.write(b));
        assertTrue(new String(codec.write(a), StandardCharsets.UTF_8).startsWith("{\"config\":{\"domains\":[{\"a\":2,\"b\":1}]"));
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        ClusterSnapshot s = codec.seal(7, "n-1", AT, config("{\"zone\":\"gtm.lodestar.test\",\"n\":\"北京\"}"));
        ClusterSnapshot back = codec.read(codec.write(s));
        assertEquals(7, back.version());
        assertEquals(s.sha256(), back.sha256());
        assertEquals("北京", back.config().path("n").asText());
    }

    @Test
    void aByteChangedInTransitIsRefusedAsCorrupt() throws Exception {
        ClusterSnapshot s = codec.seal(7, "n-1", AT, config("{\"endpoint\":\"192.0.2.2\"}"));
        byte[] wire = new String(codec.write(s), StandardCharsets.UTF_8).replace("192.0.2.2", "192.0.2.9")
                .getBytes(StandardCharsets.UTF_8);
        SnapshotRefused e = assertThrows(SnapshotRefused.class, () -> codec.read(wire));
        assertEquals(SnapshotRefused.Why.CORRUPT, e.why());
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void aChangedNumberIsRefusedToo() throws Exception {
        ClusterSnapshot s = codec.seal(7, "n-1", AT, config("{}"));
        byte[] wire = new String(codec.write(s), StandardCharsets.UTF_8).replace("\"version\":7", "\"version\":8")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(SnapshotRefused.Why.CORRUPT, assertThrows(SnapshotRefused.class, () -> codec.read(wire)).why());
    }

    @Test
    void truncatedOrNonJsonIsRefusedWhole() throws Exception {
        byte[] wire = codec.write(codec.seal(1, "n-1", AT, config("{\"a\":1}")));
        byte[] cut = java.util.Arrays.copyOf(wire, wire.length / 2);
        assertEquals(SnapshotRefused.Why.CORRUPT, assertThrows(SnapshotRefused.class, () -> codec.read(cut)).why());
        assertEquals(SnapshotRefused.Why.CORRUPT, assertThrows(SnapshotRefused.class,
                () -> codec.read("{\"config\":{}}".getBytes(StandardCharsets.UTF_8))).why());
    }

    @Test
    void theFileOnDiskIsVerifiedWhenRead(@TempDir Path dir) throws Exception {
        SnapshotFile file = new SnapshotFile(dir, codec);
        assertTrue(file.read().isEmpty());
        file.write(codec.seal(2, "n-1", AT, config("{\"zone\":\"z\"}")));
        assertEquals(2, file.read().orElseThrow().version());
        assertTrue(Files.notExists(dir.resolve("snapshot.json.tmp")), "the temporary file was renamed into place");
        Files.writeString(file.path(), Files.readString(file.path()).replace("\"z\"", "\"y\""));
        assertThrows(SnapshotRefused.class, file::read);
    }
}
