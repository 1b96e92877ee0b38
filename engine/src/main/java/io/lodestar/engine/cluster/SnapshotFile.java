package io.lodestar.engine.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The last good snapshot on disk ({@code DIR/snapshot.json}): written durably before it is used, and
 * verified again when read at start, so a node cut off from its control node keeps serving it
 * across restarts.
 */
public final class SnapshotFile {

    private final Path file;
    private final SnapshotCodec codec;

    public SnapshotFile(Path dataDir, SnapshotCodec codec) {
        this.file = dataDir.resolve("snapshot.json");
        this.codec = codec;
    }

    public Path path() {
        return file;
    }

    /** fsynced and renamed into place before this returns. */
    public void write(ClusterSnapshot s) throws IOException {
        write(codec.write(s));
    }

    /** The snapshot's canonical bytes (as {@link SnapshotCodec#write} made them), durably. */
    void write(byte[] canonical) throws IOException {
        DurableFiles.replace(file, canonical);
    }

    /** The stored snapshot, verified; empty if there is none. */
    public Optional<ClusterSnapshot> read() throws IOException, SnapshotRefused {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(codec.read(Files.readAllBytes(file)));
    }
}
