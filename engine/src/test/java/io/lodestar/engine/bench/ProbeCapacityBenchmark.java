package io.lodestar.engine.bench;

import io.lodestar.engine.health.DomainTargets;
import io.lodestar.engine.health.HealthMetrics;
import io.lodestar.engine.health.HealthMonitor;
import io.lodestar.engine.health.ProbeResult;
import io.lodestar.engine.health.Probers;
import io.lodestar.engine.health.VerdictChange;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.EndpointValue;
import io.lodestar.engine.model.Monitor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Plain benchmark harness (run by {@code bench/probes.sh}, not a test): N listeners on loopback
 * (addresses 127.1.x.y, one port), all probed by one {@link HealthMonitor} at a 1 s interval for a
 * while; prints the share of probes started within 100 ms of their slot, lateness percentiles,
 * CPU and heap. Arguments: {@code N [seconds] [tcp|http]} (defaults 1000, 30, tcp). The listeners
 * run in the same process on one selector thread (their CPU is reported apart).
 */
public final class ProbeCapacityBenchmark {

    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private ProbeCapacityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        boolean http = args.length > 2 && args[2].equals("http");
        List<ServerSocketChannel> listeners = new ArrayList<>();
        Selector sel = Selector.open();
        int port = 0;
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            InetAddress a = InetAddress.getByAddress(new byte[] {127, 1, (byte) (i / 250), (byte) (1 + i % 250)});
            ServerSocketChannel s = ServerSocketChannel.open();
            s.bind(new InetSocketAddress(a, port), 256);
            port = ((InetSocketAddress) s.getLocalAddress()).getPort();
            s.configureBlocking(false);
            s.register(sel, SelectionKey.OP_ACCEPT);
            listeners.add(s);
            endpoints.add(new Endpoint("bench.example.test", new EndpointValue.A((Inet4Address) a), "beijing.CN", "ct",
                    List.of(), 1, true, true));
        }
        LongAdder listenerErrors = new LongAdder();
        Thread serving = new Thread(() -> serve(sel, http, listenerErrors), "bench-listeners");
        serving.setDaemon(true);
        serving.start();
        Monitor m = new Monitor(http ? Monitor.Protocol.HTTP : Monitor.Protocol.TCP, port, "/", Optional.empty(), List.of(),
                1, 1, 80, 3, 2, "GET", Optional.empty(), true);
        Stats stats = new Stats();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        HealthMonitor hm = new HealthMonitor("bench", Probers.system(Probers.Options.defaults()), stats, c -> { },
                Clock.systemUTC(), System::nanoTime, new SplittableRandom(), HealthMonitor.DEFAULT_RECHECK);
        hm.configure(Map.of("bench.example.test", new DomainTargets(m, endpoints)));
        long cpu0 = os.getProcessCpuTime();
        long listenCpu0 = threads.getThreadCpuTime(serving.getId());
        long t0 = System.nanoTime();
        hm.start();
        long maxHeap = 0;
        for (int s = 0; s < seconds; s++) {
            Thread.sleep(1000);
            maxHeap = Math.max(maxHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double listenCpu = (threads.getThreadCpuTime(serving.getId()) - listenCpu0) / 1e9;
        int threadCount = threads.getThreadCount();
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        hm.stop();
        for (ServerSocketChannel s : listeners) {
            s.close();
        }
        stats.print(n, http ? "http" : "tcp", seconds, wall, cpu, listenCpu, maxHeap, retained, threadCount);
        System.out.printf(Locale.ROOT, "listener errors (e.g. out of file descriptors): %d%n", listenerErrors.sum());
    }

    private static void serve(Selector sel, boolean http, LongAdder errors) {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        while (true) {
            try {
                sel.select();
                Iterator<SelectionKey> it = sel.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    if (!k.isValid()) {
                        continue;
                    }
                    if (k.isAcceptable()) {
                        SocketChannel c = ((ServerSocketChannel) k.channel()).accept();
                        if (c == null) {
                            continue;
                        }
                        if (!http) {
                            c.close();
                            continue;
                        }
                        c.configureBlocking(false);
                        c.register(sel, SelectionKey.OP_READ);
                    } else if (k.isReadable()) {
                        SocketChannel c = (SocketChannel) k.channel();
                        buf.clear();
                        int r;
                        try {
                            r = c.read(buf);
                        } catch (IOException reset) {
                            r = -1;
                        }
                        String got = new String(buf.array(), 0, Math.max(r, 0), StandardCharsets.US_ASCII);
                        if (r > 0 && got.contains("\r\n\r\n")) {
                            c.write(ByteBuffer.wrap(OK));
                        }
                        if (r != 0) {
                            c.close();
                        }
                    }
                }
            } catch (IOException e) {
                if (!sel.isOpen()) {
                    return;
                }
                errors.increment();    // e.g. out of file descriptors: reported, not spun on
                try {
                    Thread.sleep(1);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Lateness in 1 ms buckets (last bucket: ≥ 1 s), outcomes by kind. */
    private static final class Stats implements HealthMetrics {
        final AtomicLongArray late = new AtomicLongArray(1001);
        final LongAdder early = new LongAdder();
        final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

        @Override
        public void probed(Monitor.Protocol protocol, ProbeResult result) {
            outcomes.computeIfAbsent(result.outcome(), k -> new LongAdder()).increment();
        }

        @Override
        public void started(long latenessNanos) {
            if (latenessNanos < 0) {
                early.increment();
            }
            late.incrementAndGet((int) Math.min(1000, Math.max(0, latenessNanos) / 1_000_000));
        }

        @Override
        public void changed(VerdictChange change) {
            // verdicts are not what is measured here
        }

        long percentile(long total, double p) {
            long want = (long) Math.ceil(total * p);
            long seen = 0;
            for (int i = 0; i < late.length(); i++) {
                seen += late.get(i);
                if (seen >= want) {
                    return i;
                }
            }
            return late.length() - 1;
        }

        void print(int n, String kind, int seconds, double wall, double cpu, double listenCpu, long maxHeap, long retained,
                   int threadCount) {
            long total = 0;
            long within = 0;
            for (int i = 0; i < late.length(); i++) {
                total += late.get(i);
                if (i < 100) {
                    within += late.get(i);
                }
            }
            Map<String, Long> byOutcome = new TreeMap<>();
            outcomes.forEach((k, v) -> byOutcome.put(k, v.sum()));
            System.out.printf(Locale.ROOT, "endpoints %d (%s), interval 1 s, %d s: %d probes started (%.0f/s), results %s%n",
                    n, kind, seconds, total, total / wall, byOutcome);
            System.out.printf(Locale.ROOT, "started within 100 ms of slot: %.3f %% (p50 %d ms, p99 %d ms, p99.9 %d ms, max bucket %d ms)%n",
                    100.0 * within / Math.max(1, total), percentile(total, 0.5), percentile(total, 0.99),
                    percentile(total, 0.999), percentile(total, 1.0));
            System.out.printf(Locale.ROOT, "cpu: process %.2f cores (listeners %.2f, prober ≈ %.2f) over %.1f s; threads %d%n",
                    cpu / wall, listenCpu / wall, (cpu - listenCpu) / wall, wall, threadCount);
            System.out.printf(Locale.ROOT, "heap: max used %.1f MB, after GC %.1f MB%n", maxHeap / 1e6, retained / 1e6);
        }
    }
}
