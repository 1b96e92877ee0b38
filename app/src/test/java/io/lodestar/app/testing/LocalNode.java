package io.lodestar.app.testing;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.UiTasks;
import io.lodestar.engine.api.client.HttpNodeClient;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.resolver.NodeMain;
import io.lodestar.resolver.NodeOptions;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** A real node on loopback ports for console tests, and sessions talking to it. */
public final class LocalNode implements AutoCloseable {

    public static final String ADMIN = "console-test-admin-token";
    public static final Regions REGIONS = Regions.load();
    public static final IpLocator LOCATOR = IpLocator.load(REGIONS);

    private final NodeMain node;
    private final NodeClient admin;

    /** {@code options}: more command-line options, e.g. {@code --site shanghai.CN/ct}. */
    public LocalNode(Path dir, String... options) throws Exception {
        String[] args = {"--data", dir.toString(), "--dns", "127.0.0.1:0", "--api", "127.0.0.1:0", "--admin-token", ADMIN};
        String[] all = java.util.Arrays.copyOf(args, args.length + options.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        node = NodeMain.start(NodeOptions.parse(all), REGIONS, LOCATOR);
        admin = new HttpNodeClient("http://127.0.0.1:" + node.node().apiAddress().getPort(), ADMIN);
    }

    /** The node's DNS listener (UDP and TCP) on loopback. */
    public java.net.InetSocketAddress dns() {
        return node.dns().udpAddress();
    }

    public NodeClient admin() {
        return admin;
    }

    /** A session whose background work runs on the caller's thread: no toolkit needed. */
    public Session sameThreadSession() {
        return new Session(admin, UiTasks.sameThread(), new Messages(Locale.ENGLISH), REGIONS, LOCATOR);
    }

    /** Waits up to {@code seconds} for {@code condition}, polling every 100 ms. */
    public static void await(int seconds, BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(Duration.ofSeconds(seconds));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        node.close();
    }
}
