package io.lodestar.app.bench;

import io.lodestar.app.shell.Session;
import io.lodestar.app.shell.Theme;
import io.lodestar.app.strategy.Draft;
import io.lodestar.app.strategy.DropSource;
import io.lodestar.app.strategy.Edit;
import io.lodestar.app.strategy.StrategyView;
import io.lodestar.app.strategy.StrategyViewModel;
import io.lodestar.app.strategy.TreeLayout;
import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.UiTasks;
import io.lodestar.engine.strategy.RuleType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.graphstream.graph.Graph;
import org.graphstream.graph.implementations.SingleGraph;
import org.graphstream.ui.fx_viewer.FxViewPanel;
import org.graphstream.ui.fx_viewer.FxViewer;
import org.graphstream.ui.view.Viewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Editor speed (bench/editor.sh, docs/BENCHMARKS.md "Strategy editor"): a 300-node tree's layout,
 * first frame, and the frame intervals during a scripted drag of a 20-node subtree; the same tree
 * in GraphStream 2.0's JavaFX viewer moving one node per frame, for ADR 0011. Headless Monocle with
 * the software pipeline, so absolute frame times are pessimistic. Skipped in the normal run.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "lodestar.bench", matches = "true")
class EditorBenchmark {

    private static LocalNode node;
    private static UiTasks tasks;
    private Stage stage;

    @BeforeAll
    static void startNode() throws Exception {
        node = new LocalNode(Files.createTempDirectory("lodestar-editor-bench"));
        tasks = UiTasks.fx();
    }

    @AfterAll
    static void stop() {
        tasks.close();
        node.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** root wrr → 15 wrr rules → 284 endpoint leaves: 300 nodes; the first two rules have 2 leaves each (in view). */
    static Draft tree300(StrategyViewModel vm) {
        vm.edit(new Edit.Drop(new DropSource.NewRule(RuleType.WRR), ""));
        String root = vm.draftProperty().get().root();
        for (int r = 0; r < 15; r++) {
            vm.edit(new Edit.Drop(new DropSource.NewRule(RuleType.WRR), root));
        }
        List<String> rules = vm.draftProperty().get().require(root).children();
        int ep = 0;
        while (ep < 284) {
            int i = ep < 2 ? 0 : ep < 4 ? 1 : 2 + (ep - 4) % (rules.size() - 2);
            vm.edit(new Edit.Drop(new DropSource.NewEndpoint("10.0." + (ep / 250) + "." + (ep % 250 + 1)), rules.get(i)));
            ep++;
        }
        return vm.draftProperty().get();
    }

    /** Pulse intervals (ms) while {@code work} runs. */
    private static List<Double> frames(FxRobot robot, Runnable work) {
        List<Double> out = new ArrayList<>();
        long[] last = {0};
        AnimationTimer t = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0) {
                    out.add((now - last[0]) / 1e6);
                }
                last[0] = now;
            }
        };
        robot.interact(t::start);
        work.run();
        robot.interact(t::stop);
        return out;
    }

    private static String stats(List<Double> f) {
        List<Double> s = new ArrayList<>(f);
        s.sort(Double::compare);
        if (s.isEmpty()) {
            return "no frames";
        }
        double mean = s.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return String.format(Locale.ROOT, "%d frames, mean %.1f ms, p95 %.1f ms, max %.1f ms", s.size(), mean,
                s.get((int) Math.min(s.size() - 1, Math.round(s.size() * 0.95))), s.get(s.size() - 1));
    }

    @Test
    void customPaneLaysOutAndDragsA300NodeTree(FxRobot robot) throws Exception {
        node.admin().createDomain("bench.example.com", true);
        Session s = new Session(node.admin(), tasks, new Messages(Locale.ENGLISH), LocalNode.REGIONS, LocalNode.LOCATOR);
        StrategyView[] view = new StrategyView[1];
        StrategyViewModel vm = new StrategyViewModel(s);
        robot.interact(() -> {
            s.domainsRead(List.of("bench.example.com"));
            view[0] = new StrategyView(s, vm);
            Scene scene = new Scene(view[0], 1280, 800);
            Theme.LIGHT.apply(scene);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        Draft[] d = new Draft[1];
        robot.interact(() -> d[0] = tree300(new StrategyViewModel(s)));
        long t0 = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            TreeLayout.of(d[0]);
        }
        double layoutMs = (System.nanoTime() - t0) / 1e6 / 100;
        long t1 = System.nanoTime();
        robot.interact(() -> vm.edit(new Edit.Replace(d[0])));
        WaitForAsyncUtils.waitForFxEvents();
        double firstFrameMs = (System.nanoTime() - t1) / 1e6;
        System.out.printf(Locale.ROOT, "BENCH custom: %d boxes; layout %.3f ms; redraw to first frame %.0f ms%n",
                view[0].canvas().boxCount(), layoutMs, firstFrameMs);
        Draft big = d[0];
        String rule0 = big.require(big.root()).children().get(0);
        String rule1 = big.require(big.root()).children().get(1);
        String leafA = big.require(rule0).children().get(0);
        Node a = view[0].canvas().box(big.traceName(leafA)).orElseThrow();
        Node b = view[0].canvas().box(big.traceName(rule0)).orElseThrow();
        Node c = view[0].canvas().box(big.traceName(rule1)).orElseThrow();
        List<Double> f = frames(robot, () -> robot.moveTo(a).press(MouseButton.PRIMARY).moveBy(10, 10).moveTo(b)
                .moveBy(0, 150).moveTo(c).moveBy(0, 150).moveTo(c).release(MouseButton.PRIMARY));
        String rule2 = big.require(big.root()).children().get(2);
        System.out.println("BENCH custom: drag ended with " + (vm.draftProperty().get().parentOf(leafA).orElse("").equals(rule1) ? "the leaf moved" : "no move"));
        long t2 = System.nanoTime();
        robot.interact(() -> vm.edit(new Edit.Drop(new DropSource.Existing(rule2, false), rule0)));
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf(Locale.ROOT, "BENCH custom: moving a 20-node subtree (edit, relayout, redraw to first frame) %.0f ms%n",
                (System.nanoTime() - t2) / 1e6);
        System.out.println("BENCH custom: frames while dragging a node over a 300-node tree (hover checks each move): " + stats(f));
    }

    @Test
    void graphStreamViewerShowsAndMovesA300NodeTree(FxRobot robot) throws Exception {
        System.setProperty("org.graphstream.ui", "javafx");
        Session s = new Session(node.admin(), tasks, new Messages(Locale.ENGLISH), LocalNode.REGIONS, LocalNode.LOCATOR);
        Draft[] d = new Draft[1];
        robot.interact(() -> d[0] = tree300(new StrategyViewModel(s)));
        TreeLayout layout = TreeLayout.of(d[0]);
        Graph g = new SingleGraph("bench");
        g.setAttribute("ui.stylesheet", "node { shape: box; size: 150px, 52px; fill-color: white; stroke-mode: plain; }");
        for (String id : d[0].order()) {
            org.graphstream.graph.Node n = g.addNode(id);
            n.setAttribute("xyz", layout.at(id).x(), -layout.at(id).y(), 0);
            n.setAttribute("ui.label", d[0].require(id).name());
            d[0].parentOf(id).ifPresent(p -> g.addEdge(p + "-" + id, p, id));
        }
        long t0 = System.nanoTime();
        FxViewer[] viewer = new FxViewer[1];
        robot.interact(() -> {
            viewer[0] = new FxViewer(g, Viewer.ThreadingModel.GRAPH_IN_ANOTHER_THREAD);
            viewer[0].disableAutoLayout();
            FxViewPanel panel = (FxViewPanel) viewer[0].addDefaultView(false);
            stage.setScene(new Scene(new StackPane(panel), 1280, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf(Locale.ROOT, "BENCH graphstream: %d nodes; viewer to first frame %.0f ms%n", g.getNodeCount(),
                (System.nanoTime() - t0) / 1e6);
        String moving = d[0].require(d[0].root()).children().get(2);
        double x = layout.at(moving).x();
        double y = -layout.at(moving).y();
        List<Double> f = frames(robot, () -> {
            for (int i = 0; i < 90; i++) {
                g.getNode(moving).setAttribute("xyz", x + i * 4, y - i, 0);
                WaitForAsyncUtils.sleep(16, TimeUnit.MILLISECONDS);
            }
        });
        System.out.println("BENCH graphstream moving one node for 90 steps: " + stats(f));
        robot.interact(() -> viewer[0].close());
    }
}
