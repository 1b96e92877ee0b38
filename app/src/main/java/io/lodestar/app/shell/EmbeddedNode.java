package io.lodestar.app.shell;

import io.lodestar.engine.api.client.HttpNodeClient;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.resolver.NodeMain;
import io.lodestar.resolver.NodeOptions;
import io.lodestar.resolver.demo.DemoWorkspace;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The console's own node: the same program as {@code ./lodestar node}, in this process, on loopback
 * ports chosen by the system, data under {@code ~/.lodestar/console-node} (or the folder named by
 * the system property {@code lodestar.console.data} or the environment variable
 * {@code LODESTAR_CONSOLE_DATA}). Its admin token is kept in {@code console.token} (0600). The first
 * run creates the demo workspace; later runs serve it again.
 */
public final class EmbeddedNode implements AutoCloseable {

    public static final String DATA_PROPERTY = "lodestar.console.data";
    public static final String DATA_ENV = "LODESTAR_CONSOLE_DATA";

    private final NodeMain node;
    private final NodeClient client;
    private final DemoWorkspace demo;
    private final Path data;

    private EmbeddedNode(NodeMain node, NodeClient client, DemoWorkspace demo, Path data) {
        this.node = node;
        this.client = client;
        this.demo = demo;
        this.data = data;
    }

    /** The data folder: the system property, else the environment variable, else the default under home. */
    public static Path dataDir() {
        String p = Optional.ofNullable(System.getProperty(DATA_PROPERTY)).orElse(System.getenv(DATA_ENV));
        return p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("user.home"), ".lodestar", "console-node");
    }

    /** Starts the node (blocking: call it off the UI thread) and creates or resumes the demo. */
    public static EmbeddedNode start(Path data, Regions regions, IpLocator locator) throws IOException, GeneralSecurityException {
        Files.createDirectories(data);
        Path tokenFile = data.resolve("console.token");
        boolean firstRun = !Files.exists(tokenFile);
        String token = firstRun ? newToken(tokenFile) : Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        NodeMain node = NodeMain.start(NodeOptions.parse(new String[] {"--data", data.toString(), "--dns", "127.0.0.1:0",
                "--api", "127.0.0.1:0", "--admin-token", token}), regions, locator);
        try {
            NodeClient client = new HttpNodeClient("http://127.0.0.1:" + node.node().apiAddress().getPort(), token);
            DemoWorkspace demo = firstRun ? DemoWorkspace.create(client) : DemoWorkspace.resume(client);
            return new EmbeddedNode(node, client, demo, data);
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
    }

    private static String newToken(Path file) throws IOException {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect it
        }
        return token;
    }

    /** A client with the node's admin token. */
    public NodeClient client() {
        return client;
    }

    public DemoWorkspace demo() {
        return demo;
    }

    public Path data() {
        return data;
    }

    @Override
    public void close() {
        demo.close();
        node.close();
    }
}
