package io.lodestar.engine.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Reads and durably replaces {@code DIR/cluster.json}. */
final class ClusterStateFile {

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    ClusterStateFile(Path dataDir) {
        this.file = dataDir.resolve("cluster.json");
    }

    ClusterState load() throws IOException {
        if (!Files.exists(file)) {
            byte[] b = new byte[8];
            new SecureRandom().nextBytes(b);
            ClusterState s = ClusterState.fresh("n-" + HexFormat.of().formatHex(b));
            save(s);
            return s;
        }
        return mapper.readValue(file.toFile(), ClusterState.class);
    }

    void save(ClusterState s) throws IOException {
        DurableFiles.replace(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(s));
    }
}
