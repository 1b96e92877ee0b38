package io.lodestar.app.strategy;

import io.lodestar.engine.api.client.Distribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What publishing a draft changes: nodes added, removed and changed (by their trace names, see
 * {@link Draft#traceName}), and for each user group (family A, no CIDR) whose answers change, the
 * answers before and after.
 */
public record DraftDiff(List<String> added, List<String> removed, List<String> changed, List<GroupMove> moves) {

    public DraftDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        moves = List.copyOf(moves);
    }

    /** A user group's answers before and after, as {@code endpoint share%} text. */
    public record GroupMove(String group, String before, String after) {
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && moves.isEmpty();
    }

    /** Compares the trees; {@code liveResult} and {@code draftResult} are the schedule results. */
    public static DraftDiff of(Draft live, Draft draft, Distribution liveResult, Distribution draftResult) {
        Map<String, DraftNode> a = byName(live);
        Map<String, DraftNode> b = byName(draft);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        b.forEach((name, n) -> {
            DraftNode old = a.get(name);
            if (old == null) {
                added.add(name);
            } else if (!same(old, n, live, draft)) {
                changed.add(name);
            }
        });
        List<String> removed = a.keySet().stream().filter(k -> !b.containsKey(k)).toList();
        Map<String, String> before = answers(liveResult);
        Map<String, String> after = answers(draftResult);
        List<GroupMove> moves = new ArrayList<>();
        for (String g : new TreeSet<>(union(before, after))) {
            String x = before.getOrDefault(g, "-");
            String y = after.getOrDefault(g, "-");
            if (!x.equals(y)) {
                moves.add(new GroupMove(g, x, y));
            }
        }
        return new DraftDiff(added, removed, changed, moves);
    }

    private static java.util.Set<String> union(Map<String, String> x, Map<String, String> y) {
        java.util.Set<String> s = new java.util.HashSet<>(x.keySet());
        s.addAll(y.keySet());
        return s;
    }

    private static Map<String, DraftNode> byName(Draft d) {
        Map<String, DraftNode> out = new LinkedHashMap<>();
        d.order().forEach(id -> out.put(d.traceName(id), d.require(id)));
        return out;
    }

    private static boolean same(DraftNode x, DraftNode y, Draft dx, Draft dy) {
        List<String> cx = x.children().stream().map(dx::traceName).toList();
        List<String> cy = y.children().stream().map(dy::traceName).toList();
        return x.endpoint() == y.endpoint() && Objects.equals(x.type(), y.type()) && x.area().equals(y.area())
                && x.isp().equals(y.isp()) && x.enable() == y.enable() && x.weight() == y.weight()
                && x.priority() == y.priority() && x.usersets().equals(y.usersets()) && cx.equals(cy);
    }

    /** {@code area/isp} → {@code "1.1.1.1 60%, 2.2.2.2 40%"} for family A without CIDR. */
    static Map<String, String> answers(Distribution d) {
        Map<String, String> out = new LinkedHashMap<>();
        if (d == null) {
            return out;
        }
        for (Distribution.Group g : d.groups()) {
            if (!g.family().equals("A") || !g.cidr().isEmpty()) {
                continue;
            }
            out.put(g.area() + "/" + g.isp(), g.shares().isEmpty() ? "-" : g.shares().stream()
                    .map(s -> s.endpoint() + " " + Math.round(s.share() * 100) + "%").collect(Collectors.joining(", ")));
        }
        return out;
    }
}
