package io.lodestar.app.nodes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console's own list of remote node connections (URL + token), kept in a JSON file in the
 * user's data folder with mode 0600 because it holds tokens; written whole to a temporary file and
 * moved into place. Without a file (tests, the tour) the list lives in memory only.
 */
public final class RemoteNodes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Optional<Path> file;

    private RemoteNodes(Optional<Path> file) {
        this.file = file;
    }

    /** Kept in {@code file}. */
    public static RemoteNodes in(Path file) {
        return new RemoteNodes(Optional.of(file));
    }

    /** Not kept anywhere. */
    public static RemoteNodes inMemory() {
        return new RemoteNodes(Optional.empty());
    }

    private final List<RemoteNode> memory = new ArrayList<>();

    /** The saved list; an absent file is an empty list. */
    public synchronized List<RemoteNode> load() throws IOException {
        if (file.isEmpty()) {
            return List.copyOf(memory);
        }
        if (!Files.exists(file.get())) {
            return List.of();
        }
        return List.copyOf(JSON.readValue(file.get().toFile(), new TypeReference<List<RemoteNode>>() { }));
    }

    public synchronized void save(List<RemoteNode> nodes) throws IOException {
        if (file.isEmpty()) {
            memory.clear();
            memory.addAll(nodes);
            return;
        }
        Path f = file.get();
        Files.createDirectories(f.toAbsolutePath().getParent());
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the user's data folder protects it
        }
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(nodes));
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
