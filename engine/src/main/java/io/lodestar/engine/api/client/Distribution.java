package io.lodestar.engine.api.client;

import java.util.List;

/** A domain's schedule result: for each user group, the endpoints and their shares of answers. */
public record Distribution(String domain, List<Group> groups) {

    public Distribution {
        groups = List.copyOf(groups);
    }

    /** One user group (area × isp, or a CIDR) of one address family. */
    public record Group(String area, String isp, String cidr, String family, boolean failOpen, List<Share> shares) {
        public Group {
            shares = List.copyOf(shares);
        }
    }

    public record Share(String endpoint, double share) {
    }
}
