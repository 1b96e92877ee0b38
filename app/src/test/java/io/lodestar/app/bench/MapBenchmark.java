package io.lodestar.app.bench;

import io.lodestar.app.history.HistoryViewModel;
import io.lodestar.app.map.ChinaMap;
import io.lodestar.app.map.EndpointPalette;
import io.lodestar.app.map.MapFrame;
import io.lodestar.app.map.MapLayout;
import io.lodestar.app.map.ShareInterner;
import io.lodestar.app.shell.Session;
import io.lodestar.app.shell.Theme;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.UiTasks;
import io.lodestar.engine.api.client.Distribution;
import io.lodestar.engine.api.client.HttpNodeClient;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.ProvinceShapes;
import io.lodestar.resources.region.Regions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The map's speed (issue 7): (1) recolouring for a new moment, 34 provinces × 6 ISPs: building the
 * frame from a schedule result, then painting it (style classes, pie markers, lines, CSS pass and
 * layout); (2) scrubbing a 30-day history of 10 000 changes through the history view model: each
 * slider step finds the moment, swaps the frame and repaints. Runs headless (Monocle, software
 * rendering) from bench/map.sh; prints medians and tails in milliseconds.
 */
public final class MapBenchmark {

    private static final int ENDPOINTS = 8;

    public static void main(String[] args) throws Exception {
        Regions regions = Regions.load();
        MapLayout layout = new MapLayout(regions, ProvinceShapes.load());
        Random rnd = new Random(7);
        Platform.startup(() -> { });

        List<Distribution> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(randomResult(layout, rnd));
        }
        long[] build = new long[results.size()];
        List<MapFrame> frames = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            frames.clear();
            for (int i = 0; i < results.size(); i++) {
                long t = System.nanoTime();
                frames.add(MapFrame.of(results.get(i), layout, new ShareInterner()));
                build[i] = System.nanoTime() - t;
            }
        }
        report("frame from a schedule result (34 × 6 groups + abroad)", build);

        EndpointPalette palette = new EndpointPalette();
        ChinaMap map = onFx(() -> {
            ChinaMap m = new ChinaMap(layout);
            Stage stage = new Stage();
            Scene scene = new Scene(m, 1000, 720);
            Theme.LIGHT.apply(scene);
            scene.getStylesheets().add(io.lodestar.app.map.MapWidgets.styleSheet());
            stage.setScene(scene);
            stage.show();
            m.setLinesVisible(true);
            return m;
        });
        long[][] paint = new long[2][frames.size() * 3];
        for (int i = 0; i < paint[0].length; i++) {
            MapFrame f = frames.get(i % frames.size());
            int isp = i % layout.ispChoices().size();
            timed(paint, i, () -> {
                map.paint(f, isp, palette, null);
                map.applyCss();
                map.layout();
            });
        }
        report("recolour: paint + CSS + layout of a new moment", paint, frames.size());

        // 30 days, 10 000 changes
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        Instant end = start.plus(Duration.ofDays(30));
        int changes = 10_000;
        long t0 = System.nanoTime();
        ShareInterner interner = new ShareInterner();
        List<HistoryViewModel.Moment> moments = new ArrayList<>(changes);
        Distribution current = randomResult(layout, rnd);
        for (int i = 0; i < changes; i++) {
            current = mutate(current, layout, rnd);
            Instant at = start.plusMillis((long) ((i + 0.5) * Duration.ofDays(30).toMillis() / changes));
            moments.add(new HistoryViewModel.Moment(at, "change " + i, MapFrame.of(current, layout, interner)));
        }
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        System.out.printf(Locale.ROOT, "history: %d changes over 30 days built into frames in %d ms; %d distinct answer lists;"
                + " heap after GC %d MB%n", changes, buildMs, interner.size(), heapMb);

        Session session = new Session(new HttpNodeClient("http://127.0.0.1:9", "bench"), UiTasks.sameThread(),
                new Messages(Locale.ENGLISH), regions, IpLocator.load(regions));
        HistoryViewModel vm = new HistoryViewModel(session, layout, () -> end);
        vm.fromProperty().set(start);
        vm.toProperty().set(end);
        onFx(() -> {
            vm.show(moments);
            vm.frameProperty().addListener((o, a, f) -> map.paint(f, vm.choice().ispChoice(), vm.choice().palette(), null));
            return null;
        });
        // a drag across the whole range: 1 000 slider steps (one per pixel of a wide slider)
        long[][] drag = new long[2][1000];
        for (int i = 0; i < drag[0].length; i++) {
            double pos = start.toEpochMilli() + (end.toEpochMilli() - start.toEpochMilli()) * (i / (double) (drag[0].length - 1));
            timed(drag, i, () -> {
                vm.positionProperty().set(pos);
                map.applyCss();
                map.layout();
            });
        }
        report("scrub: one slider step of a drag over 30 days (10 changes per step)", drag, 0);
        long[][] jump = new long[2][2000];
        for (int i = 0; i < jump[0].length; i++) {
            double pos = start.toEpochMilli() + rnd.nextDouble() * (end.toEpochMilli() - start.toEpochMilli());
            timed(jump, i, () -> {
                vm.positionProperty().set(pos);
                map.applyCss();
                map.layout();
            });
        }
        report("scrub: jump to a random moment", jump, 0);
        Platform.exit();
    }

    private static Distribution randomResult(MapLayout layout, Random rnd) {
        List<Distribution.Group> groups = new ArrayList<>();
        for (String p : layout.provinces()) {
            for (String isp : layout.isps()) {
                groups.add(new Distribution.Group(p, isp, "", "A", false, shares(rnd)));
            }
        }
        for (String c : layout.continents()) {
            for (String country : layout.countries(c)) {
                groups.add(new Distribution.Group(country, "other", "", "A", false, shares(rnd)));
            }
        }
        return new Distribution("bench.example.com", groups);
    }

    /** One change: a few groups get other answers (a failover, a weight change). */
    private static Distribution mutate(Distribution d, MapLayout layout, Random rnd) {
        List<Distribution.Group> groups = new ArrayList<>(d.groups());
        for (int k = 0; k < 1 + rnd.nextInt(6); k++) {
            int i = rnd.nextInt(layout.provinces().size() * layout.isps().size());
            Distribution.Group g = groups.get(i);
            groups.set(i, new Distribution.Group(g.area(), g.isp(), "", "A", false, shares(rnd)));
        }
        return new Distribution(d.domain(), groups);
    }

    private static List<Distribution.Share> shares(Random rnd) {
        int a = rnd.nextInt(ENDPOINTS);
        if (rnd.nextInt(4) > 0) {
            return List.of(new Distribution.Share("198.51.100." + a, 1.0));
        }
        int b = (a + 1 + rnd.nextInt(ENDPOINTS - 1)) % ENDPOINTS;
        return List.of(new Distribution.Share("198.51.100." + a, 0.7), new Distribution.Share("198.51.100." + b, 0.3));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get();
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Runs {@code work} on the FX thread; wall time into {@code out[0][i]}, the FX thread's CPU time into {@code out[1][i]}. */
    private static void timed(long[][] out, int i, Runnable work) throws Exception {
        onFx(() -> {
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            work.run();
            out[0][i] = System.nanoTime() - t;
            out[1][i] = THREADS.getCurrentThreadCpuTime() - c;
            return null;
        });
    }

    private static void report(String what, long[][] wallAndCpu, int skip) {
        report(what + " [wall]", Arrays.copyOfRange(wallAndCpu[0], skip, wallAndCpu[0].length));
        report(what + " [FX-thread CPU]", Arrays.copyOfRange(wallAndCpu[1], skip, wallAndCpu[1].length));
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-90s median %7.3f ms  p99 %7.3f ms  max %7.3f ms  (n=%d)%n", what,
                s[s.length / 2] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6, s.length);
    }
}
