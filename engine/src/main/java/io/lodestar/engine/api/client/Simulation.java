package io.lodestar.engine.api.client;

import java.util.List;
import java.util.Optional;

/**
 * What a simulation answered ({@code POST /v1/domains/{domain}/simulate}): the located group, its
 * answers, the path through the tree, and on request the whole schedule result of the what-if.
 */
public record Simulation(String area, String isp, List<Distribution.Share> answers, boolean failOpen,
                         List<Step> trace, Optional<Distribution> distribution) {

    public Simulation {
        answers = List.copyOf(answers);
        trace = List.copyOf(trace);
    }

    /**
     * One tree node as the evaluation found it.
     *
     * @param node  a rule's name, or {@code parentRule/endpoint} for an endpoint leaf
     * @param state {@code alive}, {@code dead}, {@code absent} or {@code skipped}
     * @param share the part of the group's answers flowing through the node, 0–1
     */
    public record Step(String node, String parent, String kind, String state, double share) {
    }

    /**
     * A simulation request: a client {@code ip}, or {@code area} and {@code isp}; endpoints to count
     * as {@code failed}; a {@code draftJson} strategy document to simulate instead of the live one
     * (empty for the live one); {@code all} for the whole schedule result.
     */
    public record Request(String ip, String area, String isp, List<String> failed, Optional<String> draftJson, boolean all) {
        public Request {
            failed = List.copyOf(failed);
        }

        public static Request group(String area, String isp) {
            return new Request(null, area, isp, List.of(), Optional.empty(), false);
        }
    }
}
