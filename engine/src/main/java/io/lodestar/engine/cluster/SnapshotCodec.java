package io.lodestar.engine.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The snapshot's wire and file format (ADR 0007): canonical JSON — object keys sorted at every
 * level, no insignificant white space, UTF-8 — so that the same configuration always has the same
 * bytes and the same SHA-256 on every node.
 *
 * <pre>{@code {"config":{…},"controlId":"…","createdAt":"2026-11-23T17:00:00Z","sha256":"…","version":7}}</pre>
 * The checksum covers the canonical text of the object without its {@code sha256} field. Anything
 * that does not parse, lacks a field or fails the checksum is refused whole.
 */
public final class SnapshotCodec {

    private final ObjectMapper mapper = new ObjectMapper();

    /** Numbers and signs a snapshot: the checksum is computed here. */
    public ClusterSnapshot seal(long version, String controlId, Instant createdAt, ObjectNode config) {
        ObjectNode body = body(version, controlId, createdAt, config);
        return new ClusterSnapshot(version, controlId, createdAt, config.deepCopy(), sha256(canonical(body)));
    }

    /** The canonical bytes sent and stored. */
    public byte[] write(ClusterSnapshot s) {
        ObjectNode o = body(s.version(), s.controlId(), s.createdAt(), s.config());
        o.put("sha256", s.sha256());
        return canonical(o);
    }

    /** Parses and verifies; any defect refuses the whole snapshot. */
    public ClusterSnapshot read(byte[] wire) throws SnapshotRefused {
        JsonNode n;
        try {
            n = mapper.readTree(wire);
        } catch (IOException e) {
            throw new SnapshotRefused(SnapshotRefused.Why.CORRUPT, "snapshot is not JSON: " + firstLine(e.getMessage()));
        }
        if (n == null || !n.isObject() || !n.path("config").isObject() || !n.path("version").canConvertToLong()
                || !n.path("controlId").isTextual() || !n.path("createdAt").isTextual() || !n.path("sha256").isTextual()) {
            throw new SnapshotRefused(SnapshotRefused.Why.CORRUPT,
                    "snapshot lacks one of config, version, controlId, createdAt, sha256");
        }
        long version = n.path("version").asLong();
        Instant at;
        try {
            at = Instant.parse(n.path("createdAt").asText());
        } catch (DateTimeParseException e) {
            throw new SnapshotRefused(SnapshotRefused.Why.CORRUPT, "snapshot createdAt is not a time");
        }
        if (version < 1) {
            throw new SnapshotRefused(SnapshotRefused.Why.CORRUPT, "snapshot version must be ≥ 1, was " + version);
        }
        ObjectNode config = (ObjectNode) n.path("config");
        String controlId = n.path("controlId").asText();
        String claimed = n.path("sha256").asText();
        String actual = sha256(canonical(body(version, controlId, at, config)));
        if (!MessageDigest.isEqual(claimed.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII))) {
            throw new SnapshotRefused(SnapshotRefused.Why.CORRUPT, "snapshot " + version + " checksum mismatch: sha256 "
                    + actual + " ≠ stated " + claimed);
        }
        return new ClusterSnapshot(version, controlId, at, config, actual);
    }

    /** The canonical text of a JSON tree: keys sorted, compact, UTF-8. */
    public byte[] canonical(JsonNode n) {
        try {
            return mapper.writeValueAsBytes(sorted(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Hex SHA-256. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static ObjectNode body(long version, String controlId, Instant at, ObjectNode config) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("config", config);
        o.put("controlId", controlId);
        o.put("createdAt", at.toString());
        o.put("version", version);
        return o;
    }

    private static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (String k : names) {
                o.set(k, sorted(n.get(k)));
            }
            return o;
        }
        if (n.isArray()) {
            var a = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                a.add(sorted(it.next()));
            }
            return a;
        }
        return n;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Reads a small JSON object (for callers of this package); throws on non-JSON. */
    Map<String, Object> map(byte[] bytes) throws IOException {
        return mapper.readValue(bytes, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
