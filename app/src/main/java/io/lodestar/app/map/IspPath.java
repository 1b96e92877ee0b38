package io.lodestar.app.map;

import io.lodestar.engine.api.client.Simulation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The path one province × ISP takes through the domain's strategy tree, as the node's own evaluation
 * traced it ({@code simulate} of that user group): the console only lays it out, it never evaluates.
 *
 * @param isp        the ISP code the group was traced for
 * @param simulation what the node answered: the steps in depth-first order and the answers
 */
public record IspPath(String isp, Simulation simulation) {

    /**
     * A tree node shown in the province panel.
     *
     * @param depth 0 for the root rule, one more per level below it
     * @param label the rule's name, or the endpoint's key for an endpoint leaf
     */
    public record Row(int depth, String label, Simulation.Step step) {
    }

    /**
     * The nodes on the path (a share above zero), in order from the root, with the dead or absent
     * children of nodes on the path: the alternatives the evaluation passed over and why.
     */
    public List<Row> rows() {
        List<Simulation.Step> steps = simulation.trace();
        Map<String, Integer> depth = new HashMap<>();
        Set<String> onPath = new HashSet<>();
        List<Row> out = new ArrayList<>();
        for (Simulation.Step s : steps) {
            int d = s.parent().isEmpty() ? 0 : depth.getOrDefault(s.parent(), 0) + 1;
            depth.put(s.node(), d);
            boolean passed = s.share() > 0;
            if (passed) {
                onPath.add(s.node());
            }
            boolean rejected = ("dead".equals(s.state()) || "absent".equals(s.state())) && onPath.contains(s.parent());
            if (passed || rejected) {
                String label = "endpoint".equals(s.kind()) && s.node().startsWith(s.parent() + "/")
                        ? s.node().substring(s.parent().length() + 1) : s.node();
                out.add(new Row(d, label, s));
            }
        }
        return out;
    }
}
