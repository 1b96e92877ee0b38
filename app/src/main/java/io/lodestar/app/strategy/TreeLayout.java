package io.lodestar.app.strategy;

import java.util.HashMap;
import java.util.Map;

/**
 * Top-down tree coordinates for a draft, computed here (GraphStream's hierarchical layout draws the
 * root at the bottom, STACK-NOTES): leaves take consecutive slots left to right, a parent is centred
 * over its children, each level one row lower. Linear in the number of nodes.
 */
public final class TreeLayout {

    public static final double NODE_W = 150;
    public static final double NODE_H = 52;
    static final double H_GAP = 24;
    static final double V_GAP = 64;
    static final double MARGIN = 24;

    /** A node's top-left corner. */
    public record Point(double x, double y) {
    }

    private final Map<String, Point> at = new HashMap<>();
    private double width;
    private double height;

    private TreeLayout() {
    }

    public static TreeLayout of(Draft d) {
        TreeLayout l = new TreeLayout();
        if (!d.isEmpty()) {
            double[] nextSlot = {0};
            l.place(d, d.root(), 0, nextSlot);
            l.width = MARGIN * 2 + Math.max(1, nextSlot[0]) * (NODE_W + H_GAP) - H_GAP;
        }
        return l;
    }

    /** Places the subtree and answers its centre x. */
    private double place(Draft d, String id, int depth, double[] nextSlot) {
        DraftNode n = d.require(id);
        double cx;
        if (n.children().isEmpty()) {
            cx = MARGIN + nextSlot[0] * (NODE_W + H_GAP) + NODE_W / 2;
            nextSlot[0]++;
        } else {
            double first = 0;
            double last = 0;
            for (int i = 0; i < n.children().size(); i++) {
                double c = place(d, n.children().get(i), depth + 1, nextSlot);
                if (i == 0) {
                    first = c;
                }
                last = c;
            }
            cx = (first + last) / 2;
        }
        double y = MARGIN + depth * (NODE_H + V_GAP);
        at.put(id, new Point(cx - NODE_W / 2, y));
        height = Math.max(height, y + NODE_H + MARGIN);
        return cx;
    }

    public Point at(String id) {
        return at.get(id);
    }

    public Map<String, Point> points() {
        return Map.copyOf(at);
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }
}
