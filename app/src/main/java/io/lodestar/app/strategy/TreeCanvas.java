package io.lodestar.app.strategy;

import io.lodestar.app.ui.Messages;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.Simulation;
import io.lodestar.engine.strategy.RuleType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;

/**
 * The strategy tree drawn top-down as JavaFX nodes (ADR 0011): boxes at {@link TreeLayout}
 * coordinates, edges with their item labels, drop-target highlighting and the refusal reason at
 * the pointer. Every decision is the view model's; this class only draws and forwards gestures.
 */
public final class TreeCanvas extends Pane {

    private static final double DRAG_THRESHOLD = 4;

    private final StrategyViewModel vm;
    private final Messages m;
    private final Pane edges = new Pane();
    private final Pane boxes = new Pane();
    private final Label hint = new Label();
    private final Label emptyHint = new Label();
    private final Map<String, NodeBox> byId = new LinkedHashMap<>();
    private final Map<String, Line> edgeTo = new HashMap<>();
    private final Map<String, Label> edgeLabels = new HashMap<>();
    private NodeBox highlighted;
    private Optional<String> overTarget = Optional.empty();

    public TreeCanvas(StrategyViewModel vm, Messages m) {
        this.vm = vm;
        this.m = m;
        setId("strategyCanvas");
        getStyleClass().add("ls-tree-canvas");
        hint.setId("dropHint");
        hint.getStyleClass().add("ls-drop-hint");
        hint.setVisible(false);
        hint.setMouseTransparent(true);
        hint.setManaged(false); // its moves and text changes must not lay out the whole canvas each frame
        emptyHint.setText(m.get("editor.emptyHint"));
        emptyHint.getStyleClass().add("ls-hint");
        emptyHint.relocate(24, 24);
        edges.setMouseTransparent(true);
        edges.setManaged(false);
        boxes.setManaged(false);
        getChildren().addAll(emptyHint, edges, boxes, hint);
        setMinSize(300, 300);
        setFocusTraversable(true);
        vm.draftProperty().addListener((o, a, d) -> redraw());
        vm.selectedProperty().addListener((o, a, s) -> byId.values().forEach(b -> b.mark(NodeBox.SELECTED, b.draftId().equals(s))));
        vm.traceProperty().addListener((o, a, t) -> paintState());
        vm.endpointSharesProperty().addListener((o, a, t) -> paintState());
        vm.endpoints().addListener((javafx.collections.ListChangeListener<EndpointInfo>) c -> paintState());
        setOnMousePressed(e -> {
            requestFocus();
            if (e.getTarget() == this) {
                vm.selectedProperty().set("");
            }
        });
        new CanvasKeys(this, vm, m).install();
        redraw();
    }

    /** The box of a node by its trace name (a rule's name, an endpoint's {@code rule/key}); for tests and tours. */
    public Optional<Node> box(String traceName) {
        return byId.values().stream().filter(b -> b.traceName().equals(traceName)).map(b -> (Node) b).findFirst();
    }

    /** Opens the context menu of the selected node below it (keyboard: the menu key or Shift+F10). */
    void showMenuOfSelected() {
        NodeBox b = byId.get(vm.selectedProperty().get());
        if (b != null) {
            javafx.geometry.Bounds s = b.localToScreen(b.getBoundsInLocal());
            new NodeMenu(vm, m, b.draftId()).show(b, s.getMinX() + 10, s.getMaxY());
        }
    }

    /** Number of node boxes drawn. */
    public int boxCount() {
        return byId.size();
    }

    /**
     * Brings the drawing to the draft: boxes and edges are kept by node id and only moved or
     * relabelled (a 300-node tree redraws without building 1,800 scene nodes again); new ones are
     * made, gone ones removed.
     */
    void redraw() {
        Draft d = vm.draftProperty().get();
        TreeLayout layout = TreeLayout.of(d);
        emptyHint.setVisible(d.isEmpty());
        Map<String, NodeBox> keep = new LinkedHashMap<>();
        Map<String, Line> keepEdges = new HashMap<>();
        Map<String, Label> keepLabels = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        for (DraftNode n : d.nodes().values()) {
            n.children().forEach(c -> parents.put(c, n.id()));
        }
        for (String id : d.order()) {
            DraftNode n = d.require(id);
            String parent = parents.get(id);
            String trace = n.endpoint() ? (parent == null ? "" : d.require(parent).name()) + "/" + n.name() : n.name();
            String kind = kind(n);
            NodeBox b = byId.remove(id);
            if (b == null || !b.traceName().equals(trace) || !b.title().equals(n.name()) || !b.kind().equals(kind)) {
                if (b != null) {
                    boxes.getChildren().remove(b);
                }
                b = newBox(id, trace, n, kind);
                boxes.getChildren().add(b);
            }
            TreeLayout.Point p = layout.at(id);
            b.relocate(p.x(), p.y());
            b.mark(NodeBox.SELECTED, id.equals(vm.selectedProperty().get()));
            keep.put(id, b);
            if (parent != null) {
                TreeLayout.Point q = layout.at(parent);
                Line l = edgeTo.remove(id);
                Label label = edgeLabels.remove(id);
                if (l == null) {
                    l = new Line();
                    l.getStyleClass().add("ls-tree-edge");
                    label = new Label();
                    label.getStyleClass().add("ls-tree-edge-label");
                    edges.getChildren().addAll(l, label);
                }
                l.setStartX(q.x() + TreeLayout.NODE_W / 2);
                l.setStartY(q.y() + TreeLayout.NODE_H);
                l.setEndX(p.x() + TreeLayout.NODE_W / 2);
                l.setEndY(p.y());
                label.setText(edgeLabel(d, d.require(parent), n));
                label.relocate(p.x() + TreeLayout.NODE_W / 2 + 4, p.y() - 22);
                keepEdges.put(id, l);
                keepLabels.put(id, label);
            }
        }
        boxes.getChildren().removeAll(byId.values());
        edges.getChildren().removeAll(edgeTo.values());
        edges.getChildren().removeAll(edgeLabels.values());
        byId.clear();
        byId.putAll(keep);
        edgeTo.clear();
        edgeTo.putAll(keepEdges);
        edgeLabels.clear();
        edgeLabels.putAll(keepLabels);
        setPrefSize(Math.max(300, layout.width()), Math.max(300, layout.height()));
        boxes.resize(layout.width(), layout.height());
        edges.resize(layout.width(), layout.height());
        paintState();
    }

    private NodeBox newBox(String id, String trace, DraftNode n, String kind) {
        NodeBox b = new NodeBox(id, trace, n.name(), kind);
        b.getStyleClass().add(n.endpoint() ? NodeBox.ENDPOINT : NodeBox.RULE);
        b.setOnMouseClicked(e -> {
            vm.selectedProperty().set(id);
            requestFocus();
            if (e.getButton() == MouseButton.SECONDARY) {
                new NodeMenu(vm, m, id).show(b, e.getScreenX(), e.getScreenY());
            }
        });
        dragSource(b, () -> new DropSource.Existing(id, false));
        return b;
    }

    private String kind(DraftNode n) {
        if (n.endpoint()) {
            return vm.endpoints().stream().filter(e -> e.endpoint().equals(n.name())).findFirst()
                    .map(e -> e.area() + " / " + e.isp()).orElse(m.get("editor.endpoint"));
        }
        return m.get("editor.rule." + n.type().wire()) + (n.area().equals("none.CN") ? "" : " · " + n.area());
    }

    /** wrr: the weight as a percentage of the siblings'; priority: the order; mapping: the user groups. */
    static String edgeLabel(Draft d, DraftNode parent, DraftNode child) {
        RuleType t = parent.type();
        if (t == RuleType.WRR) {
            int total = parent.children().stream().mapToInt(c -> d.require(c).weight()).sum();
            return total == 0 ? "0%" : Math.round(100.0 * child.weight() / total) + "%";
        }
        if (t == RuleType.PRIORITY) {
            return "#" + child.priority();
        }
        if (t == RuleType.USER_GROUP_MAPPING) {
            return child.usersets().isEmpty() ? "default" : child.usersets();
        }
        return "";
    }

    /** Health colours, greyed rules, shares; or the simulated path when a simulation is shown. */
    private void paintState() {
        Draft d = vm.draftProperty().get();
        Map<String, String> status = new HashMap<>();
        vm.endpoints().forEach(e -> status.put(e.endpoint(), e.status()));
        Map<String, Simulation.Step> trace = vm.traceProperty().get();
        Map<String, Double> shares = vm.endpointSharesProperty().get();
        Map<String, Set<String>> belowAll = new HashMap<>();
        if (!d.isEmpty()) {
            endpointsBelow(d, d.root(), belowAll);
        }
        for (NodeBox b : byId.values()) {
            DraftNode n = d.require(b.draftId());
            Set<String> below = belowAll.getOrDefault(b.draftId(), Set.of());
            String health = n.endpoint() ? io.lodestar.app.ui.Styles.health(status.getOrDefault(n.name(), "unknown")) : "";
            for (String s : List.of("ls-health-ok", "ls-health-fail", "ls-health-unknown")) {
                b.mark(s, s.equals(health));
            }
            b.mark(NodeBox.GREYED, !n.endpoint() && !below.isEmpty()
                    && below.stream().allMatch(k -> "fail".equals(status.get(k))));
            Simulation.Step step = trace.get(b.traceName());
            b.mark(NodeBox.PATH, step != null && step.share() > 0);
            b.mark(NodeBox.DEAD, step != null && step.state().equals("dead"));
            Line edge = edgeTo.get(b.draftId());
            boolean onPath = step != null && step.share() > 0;
            if (edge != null && onPath != edge.getStyleClass().contains("ls-tree-edge-path")) {
                if (onPath) {
                    edge.getStyleClass().add("ls-tree-edge-path");
                } else {
                    edge.getStyleClass().remove("ls-tree-edge-path");
                }
            }
            double share = trace.isEmpty() ? below.stream().mapToDouble(k -> shares.getOrDefault(k, 0.0)).sum()
                    : step == null ? 0 : step.share();
            b.share(Math.round(share * 1000) / 10.0 + "%");
        }
    }

    private static Set<String> endpointsBelow(Draft d, String id, Map<String, Set<String>> all) {
        Set<String> out = new HashSet<>();
        DraftNode n = d.require(id);
        if (n.endpoint()) {
            out.add(n.name());
        }
        n.children().forEach(c -> out.addAll(endpointsBelow(d, c, all)));
        all.put(id, out);
        return out;
    }

    /**
     * Makes {@code source} draggable onto the canvas: press, move (targets highlight, the reason shows
     * at the pointer), release to drop. With Ctrl held, an endpoint of the tree is linked, not moved.
     */
    public void dragSource(Node node, Supplier<DropSource> source) {
        double[] press = new double[2];
        boolean[] dragging = {false};
        node.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                press[0] = e.getSceneX();
                press[1] = e.getSceneY();
                dragging[0] = false;
                hint.setVisible(false);
            }
        });
        node.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!e.isPrimaryButtonDown()) {
                return;
            }
            if (!dragging[0] && Math.hypot(e.getSceneX() - press[0], e.getSceneY() - press[1]) < DRAG_THRESHOLD) {
                return;
            }
            dragging[0] = true;
            hover(link(source.get(), e), e.getSceneX(), e.getSceneY());
            e.consume();
        });
        node.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (!dragging[0]) {
                return;
            }
            dragging[0] = false;
            DropSource s = link(source.get(), e);
            Optional<String> target = targetAt(e.getSceneX(), e.getSceneY());
            unhighlight();
            if (target.isEmpty()) {
                hint.setVisible(false);
                return;
            }
            DropCheck c = vm.edit(new Edit.Drop(s, target.get()));
            if (c.ok()) {
                hint.setVisible(false);
            } else {
                showHint(vm.reason(c), false, e.getSceneX(), e.getSceneY());
            }
            e.consume();
        });
    }

    private static DropSource link(DropSource s, MouseEvent e) {
        if (e.isControlDown() && s instanceof DropSource.Existing) {
            return new DropSource.Existing(((DropSource.Existing) s).id(), true);
        }
        return s;
    }

    /** The drop target under a scene point: a node's id, {@code ""} for empty canvas, or none outside. */
    private Optional<String> targetAt(double sceneX, double sceneY) {
        Point2D p = sceneToLocal(sceneX, sceneY);
        if (p == null || p.getX() < 0 || p.getY() < 0 || p.getX() > getWidth() || p.getY() > getHeight()) {
            return Optional.empty();
        }
        for (NodeBox b : byId.values()) {
            if (b.getBoundsInParent().contains(p)) {
                return Optional.of(b.draftId());
            }
        }
        return Optional.of("");
    }

    private void hover(DropSource s, double sceneX, double sceneY) {
        Optional<String> target = targetAt(sceneX, sceneY);
        if (!target.equals(overTarget)) {
            unhighlight();
            overTarget = target;
        }
        if (target.isEmpty()) {
            hint.setVisible(false);
            return;
        }
        DropCheck c = vm.check(new Edit.Drop(s, target.get()));
        NodeBox b = byId.get(target.get());
        if (b != null) {
            highlighted = b;
            b.mark(c.ok() ? NodeBox.DROP_OK : NodeBox.DROP_REFUSED, true);
        }
        String text = c.ok() ? (b == null ? m.get("editor.dropRoot") : m.get("editor.dropUnder", vm.draftProperty().get()
                .require(target.get()).name())) : vm.reason(c);
        showHint(text, c.ok(), sceneX, sceneY);
    }

    private void showHint(String text, boolean ok, double sceneX, double sceneY) {
        Point2D p = sceneToLocal(sceneX, sceneY);
        hint.setText(text);
        hint.getStyleClass().removeAll("ls-drop-hint-ok", "ls-drop-hint-refused");
        hint.getStyleClass().add(ok ? "ls-drop-hint-ok" : "ls-drop-hint-refused");
        hint.autosize();
        hint.relocate(p.getX() + 14, p.getY() + 14);
        hint.setVisible(true);
        hint.toFront();
    }

    private void unhighlight() {
        if (highlighted != null) {
            highlighted.mark(NodeBox.DROP_OK, false);
            highlighted.mark(NodeBox.DROP_REFUSED, false);
            highlighted = null;
        }
        overTarget = Optional.empty();
    }
}
