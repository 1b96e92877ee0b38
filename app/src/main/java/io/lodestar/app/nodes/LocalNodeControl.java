package io.lodestar.app.nodes;

import java.nio.file.Path;
import java.util.List;

/**
 * The console's own node as the Nodes screen sees it: whether it runs, where it listens, its data
 * folder, its recent log lines, and stop/start. {@link #stop()} and {@link #start()} block: call them
 * off the UI thread. A restarted node listens on the same ports, so clients of it keep working.
 */
public interface LocalNodeControl {

    boolean running();

    /** The management API, e.g. {@code http://127.0.0.1:8053}. */
    String apiUrl();

    /** The DNS listener, e.g. {@code 127.0.0.1:15353} (UDP and TCP). */
    String dnsAddress();

    Path data();

    /** The last lines of the node's life (started, its listeners, stopped) and of what it logs, oldest first. */
    List<String> log();

    void stop();

    void start() throws Exception;
}
