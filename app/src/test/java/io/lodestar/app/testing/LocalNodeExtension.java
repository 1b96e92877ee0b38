package io.lodestar.app.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real {@link LocalNode} per test class, in a temporary folder:
 * {@code @RegisterExtension static final LocalNodeExtension NODE = new LocalNodeExtension();}
 */
public final class LocalNodeExtension implements BeforeAllCallback, AfterAllCallback {

    private LocalNode node;
    private Path dir;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("lodestar-app-test");
        node = new LocalNode(dir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        node.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    public LocalNode node() {
        return node;
    }
}
