package io.lodestar.app.shell;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last lines of the embedded node's life for the Nodes screen: its own events (started, its
 * listeners, stopped) and, in the console, every line the process logs ({@link LineTee}). Bounded;
 * its own lock, so a thread that logs never waits for one that is stopping the node.
 */
final class NodeLog {

    private final int max;
    private final Deque<String> lines = new ArrayDeque<>();

    NodeLog(int max) {
        this.max = max;
    }

    void note(String line) {
        String stamped = LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + line;
        synchronized (lines) {
            lines.addLast(stamped);
            while (lines.size() > max) {
                lines.removeFirst();
            }
        }
    }

    /** Oldest first. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
