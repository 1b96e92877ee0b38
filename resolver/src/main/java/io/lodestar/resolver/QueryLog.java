package io.lodestar.resolver;

import io.lodestar.resolver.wire.DnsCodes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sampled query log: every {@code n}-th query becomes one line in {@code DIR/queries.log}, rotated
 * to {@code queries.log.1} … {@code .KEEP} past a size. The query path only counts and, for a
 * sampled query, puts a small record on a lock-free queue bounded by a counter (full: dropped and
 * counted); a daemon thread formats and writes. One line:
 * {@code 2026-11-23T13:10:00.123Z 127.0.0.1 udp www.example.com.gtm.lodestar.test A NOERROR ecs=202.96.128.0/24 1.1.1.1}.
 */
final class QueryLog implements AutoCloseable {

    static final String FILE = "queries.log";
    private static final int QUEUE = 4096;

    private final long every;
    private final Path dir;
    private final long maxBytes;
    private final int keep;
    private final Problems problems;
    private final AtomicLong seen = new AtomicLong();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final ConcurrentLinkedQueue<Line> queue = new ConcurrentLinkedQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    /** What is kept of a sampled query until the writer thread formats it. */
    private record Line(long millis, InetAddress client, Transport transport, String qname, int qtype, int rcode,
                        String ecs, String answer) {
    }

    QueryLog(Path dir, long every, long maxBytes, int keep, Problems problems) throws IOException {
        this.every = every;
        this.dir = Files.createDirectories(dir);
        this.maxBytes = maxBytes;
        this.keep = keep;
        this.problems = problems;
        this.writer = new Thread(this::drainLoop, "lodestar-dns-querylog");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Called by the writer stage for every query that got a reply. */
    void record(QueryContext ctx) {
        if (!sampled()) {
            return;
        }
        var ecs = ctx.query.ecs();
        String subnet = ecs == null ? null : ecsText(ecs.address(), ecs.sourcePrefix());
        String answer = ctx.picked >= 0 && ctx.entry != null ? ctx.entry.plan().endpoint(ctx.picked).key() : null;
        add(ctx.source, ctx.transport, ctx.query.qname(), ctx.query.qtype(), ctx.reply.rcode(), subnet, answer);
    }

    /** Counts one query that got a reply; true when it is the sampled one in N and the queue has room. */
    boolean sampled() {
        if (seen.incrementAndGet() % every != 0) {
            return false;
        }
        if (queued.incrementAndGet() > QUEUE) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Queues the line of a query {@link #sampled()} admitted. */
    void add(InetAddress client, Transport transport, String qname, int qtype, int rcode, String ecs, String answer) {
        queue.add(new Line(System.currentTimeMillis(), client, transport, qname, qtype, rcode, ecs, answer));
    }

    static String ecsText(byte[] address, int prefix) {
        try {
            return InetAddress.getByAddress(address).getHostAddress() + "/" + prefix;
        } catch (IOException e) {
            return "?/" + prefix;
        }
    }

    private void drainLoop() {
        Path file = dir.resolve(FILE);
        while (true) {
            boolean last = closed;
            try {
                while (!queue.isEmpty()) {
                    write(file);
                }
            } catch (IOException | RuntimeException e) {
                problems.report("query log " + file, e);
            }
            if (last) {
                return;
            }
            try {
                Thread.sleep(100); // no interrupt: it would close the file channel mid-write
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void write(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            long size = Files.size(file);
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                w.write("# " + lost + " sampled queries dropped (writer behind)\n");
            }
            for (Line l = queue.poll(); l != null; l = queue.poll()) {
                queued.decrementAndGet();
                String text = format(l);
                w.write(text);
                size += text.length();
                if (size > maxBytes) {
                    w.close();
                    rotate(file);
                    return; // the rest goes to the fresh file on the next turn
                }
            }
        }
    }

    private static String format(Line l) {
        StringBuilder sb = new StringBuilder(120).append(Instant.ofEpochMilli(l.millis())).append(' ')
                .append(l.client().getHostAddress()).append(' ').append(l.transport() == Transport.UDP ? "udp" : "tcp")
                .append(' ').append(l.qname() == null ? "-" : l.qname()).append(' ')
                .append(l.qname() == null ? "-" : DnsCodes.typeName(l.qtype())).append(' ')
                .append(DnsCodes.rcodeName(l.rcode()));
        if (l.ecs() != null) {
            sb.append(" ecs=").append(l.ecs());
        }
        if (l.answer() != null) {
            sb.append(' ').append(l.answer());
        }
        return sb.append('\n').toString();
    }

    private void rotate(Path file) throws IOException {
        for (int i = keep - 1; i >= 1; i--) {
            Path from = dir.resolve(FILE + "." + i);
            if (Files.exists(from)) {
                Files.move(from, dir.resolve(FILE + "." + (i + 1)), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, dir.resolve(FILE + ".1"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes what is queued and stops the writer thread. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
