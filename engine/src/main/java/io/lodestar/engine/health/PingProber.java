package io.lodestar.engine.health;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ping}: one real ICMP echo through the system's {@code ping} program (iputils syntax:
 * {@code ping [-6] -n -c 1 -W <timeout s> <address>}), which holds the privilege (setuid, file
 * capability or {@code net.ipv4.ping_group_range}) that a JVM does not. Runs on the bounded
 * blocking executor, so at most that many processes at once. When the program is missing or may
 * not open its socket the result is {@link Failure.Kind#ICMP_UNAVAILABLE} with the reason; it is
 * never replaced by a TCP connect.
 */
public final class PingProber implements Prober {

    private static final Pattern TIME = Pattern.compile("time[=<]([0-9.]+) ?ms");

    private final String command;
    private final Executor blocking;
    private final Clock clock;
    private final LongSupplier nanoTime;

    /**
     * @param command the ping program: {@code ping} from the PATH, or an absolute path
     */
    public PingProber(String command, Executor blocking, Clock clock, LongSupplier nanoTime) {
        this.command = command;
        this.blocking = blocking;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget t) {
        Instant at = clock.instant();
        long start = nanoTime.getAsLong();
        try {
            return CompletableFuture.supplyAsync(() -> ping(t, at, start), blocking);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(ProbeResult.failed(at, Duration.ZERO, Failure.other("probe pool saturated or stopped")));
        }
    }

    private ProbeResult ping(ProbeTarget t, Instant at, long start) {
        InetAddress address;
        try {
            address = t.address();
        } catch (IOException e) {
            return fail(at, start, new Failure(Failure.Kind.UNRESOLVED, "cannot resolve " + t.value().text()));
        }
        long timeoutS = Math.max(1, t.timeout().toSeconds());
        List<String> cmd = address instanceof Inet6Address
                ? List.of(command, "-6", "-n", "-c", "1", "-W", Long.toString(timeoutS), address.getHostAddress())
                : List.of(command, "-n", "-c", "1", "-W", Long.toString(timeoutS), address.getHostAddress());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail(at, start, new Failure(Failure.Kind.ICMP_UNAVAILABLE, "no ping program (" + command + "): " + e.getMessage()));
        }
        try (InputStream out = p.getInputStream()) {
            p.getOutputStream().close();
            if (!p.waitFor(timeoutS + 1, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail(at, start, Failure.of(Failure.Kind.TIMEOUT));
            }
            String text = new String(out.readNBytes(8192), StandardCharsets.UTF_8);
            return judge(p.exitValue(), text, at, start);
        } catch (IOException e) {
            return fail(at, start, Failure.other("ping output: " + e.getMessage()));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return fail(at, start, Failure.other("interrupted"));
        }
    }

    private ProbeResult judge(int exit, String text, Instant at, long start) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (exit == 0) {
            Matcher m = TIME.matcher(text);
            Duration latency = m.find()
                    ? Duration.ofNanos((long) (Double.parseDouble(m.group(1)) * 1_000_000))
                    : Duration.ofNanos(nanoTime.getAsLong() - start);
            return ProbeResult.ok(at, latency);
        }
        if (lower.contains("not permitted") || lower.contains("permission denied") || lower.contains("socket:")
                || lower.contains("capabilit")) {
            return fail(at, start, new Failure(Failure.Kind.ICMP_UNAVAILABLE, firstLine(text)));
        }
        if (lower.contains("unreachable")) {
            return fail(at, start, new Failure(Failure.Kind.UNREACHABLE, firstLine(text)));
        }
        if (exit == 1) {
            return fail(at, start, Failure.of(Failure.Kind.TIMEOUT));
        }
        return fail(at, start, Failure.other("ping exit " + exit + ": " + firstLine(text)));
    }

    private static String firstLine(String text) {
        for (String line : text.split("\n")) {
            String l = line.trim();
            if (!l.isEmpty() && !l.startsWith("PING ")) {
                return l.length() > 120 ? l.substring(0, 120) : l;
            }
        }
        return "no output";
    }

    private ProbeResult fail(Instant at, long start, Failure f) {
        return ProbeResult.failed(at, Duration.ofNanos(nanoTime.getAsLong() - start), f);
    }
}
