package io.lodestar.app.shell;

import io.lodestar.app.nodes.LocalNodeControl;
import io.lodestar.engine.api.client.HttpNodeClient;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.resolver.NodeMain;
import io.lodestar.resolver.NodeOptions;
import io.lodestar.resolver.demo.DemoWorkspace;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The console's own node: the same program as {@code ./lodestar node}, in this process, on loopback
 * ports chosen by the system at first start (a restart takes the same ports), data under
 * {@code ~/.lodestar/console-node} (or the folder named by the system property
 * {@code lodestar.console.data} or the environment variable {@code LODESTAR_CONSOLE_DATA}). Its admin
 * token is kept in {@code console.token} (0600). The first run creates the demo workspace; later runs
 * serve it again. The Nodes screen stops and starts it through {@link LocalNodeControl}.
 */
public final class EmbeddedNode implements AutoCloseable, LocalNodeControl {

    public static final String DATA_PROPERTY = "lodestar.console.data";
    public static final String DATA_ENV = "LODESTAR_CONSOLE_DATA";
    static final int LOG_LINES = 200;

    private final Path data;
    private final String token;
    private final Regions regions;
    private final IpLocator locator;
    private final NodeLog log;
    private NodeMain node;
    private NodeClient client;
    private DemoWorkspace demo;
    private int apiPort;
    private int dnsPort;

    private EmbeddedNode(Path data, String token, Regions regions, IpLocator locator, NodeLog log) {
        this.log = log;
        this.data = data;
        this.token = token;
        this.regions = regions;
        this.locator = locator;
    }

    /** The data folder: the system property, else the environment variable, else the default under home. */
    public static Path dataDir() {
        String p = Optional.ofNullable(System.getProperty(DATA_PROPERTY)).orElse(System.getenv(DATA_ENV));
        return p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("user.home"), ".lodestar", "console-node");
    }

    /** Starts the node (blocking: call it off the UI thread) and creates or resumes the demo. */
    public static EmbeddedNode start(Path data, Regions regions, IpLocator locator) throws IOException, GeneralSecurityException {
        return start(data, regions, locator, new NodeLog(LOG_LINES));
    }

    /** As {@link #start(Path, Regions, IpLocator)}, keeping its lines in {@code log} (which may already hold some). */
    static EmbeddedNode start(Path data, Regions regions, IpLocator locator, NodeLog log)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(data);
        Path tokenFile = data.resolve("console.token");
        boolean firstRun = !Files.exists(tokenFile);
        String token = firstRun ? newToken(tokenFile) : Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        EmbeddedNode e = new EmbeddedNode(data, token, regions, locator, log);
        e.listen();
        try {
            e.demo = firstRun ? DemoWorkspace.create(e.client) : DemoWorkspace.resume(e.client);
            e.note(firstRun ? "demo workspace created" : "demo workspace resumed");
            return e;
        } catch (IOException | RuntimeException x) {
            e.node.close();
            throw x;
        }
    }

    private synchronized void listen() throws IOException, GeneralSecurityException {
        NodeOptions o = NodeOptions.parse(new String[] {"--data", data.toString(), "--dns", "127.0.0.1:" + dnsPort,
                "--api", "127.0.0.1:" + apiPort, "--admin-token", token});
        node = NodeMain.start(o, regions, locator);
        apiPort = node.node().apiAddress().getPort();
        dnsPort = node.dns().udpAddress().getPort();
        if (client == null) {
            client = new HttpNodeClient("http://127.0.0.1:" + apiPort, token);
        }
        ByteArrayOutputStream ready = new ByteArrayOutputStream();
        node.printReady(new PrintStream(ready, true, StandardCharsets.UTF_8), o);
        note("started, data in " + data);
        ready.toString(StandardCharsets.UTF_8).lines().forEach(this::note);
    }

    private void note(String line) {
        log.note(line);
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

    /** A client with the node's admin token; it keeps working across a stop and start. */
    public NodeClient client() {
        return client;
    }

    public DemoWorkspace demo() {
        return demo;
    }

    @Override
    public Path data() {
        return data;
    }

    @Override
    public synchronized boolean running() {
        return node != null;
    }

    @Override
    public synchronized String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    @Override
    public synchronized String dnsAddress() {
        return "127.0.0.1:" + dnsPort;
    }

    @Override
    public List<String> log() {
        return log.lines();
    }

    /** Stops answering DNS and API calls; the demo's endpoint servers keep running. */
    @Override
    public synchronized void stop() {
        if (node != null) {
            node.close();
            node = null;
            note("stopped");
        }
    }

    /** Starts again on the same ports and data. */
    @Override
    public synchronized void start() throws IOException, GeneralSecurityException {
        if (node == null) {
            try {
                listen();
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                note("could not start: " + e.getMessage());
                throw e;
            }
        }
    }

    @Override
    public void close() {
        if (demo != null) {
            demo.close();
        }
        stop();
    }
}
