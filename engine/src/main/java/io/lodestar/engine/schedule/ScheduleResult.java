package io.lodestar.engine.schedule;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.Distribution;
import io.lodestar.engine.plan.UserGroups;
import io.lodestar.resources.region.Regions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A domain's schedule result (seed: 调度结果): what share of each user group gets each endpoint.
 * It is read off the compiled {@link AnswerPlan} (never computed by a second code path), so it is
 * exactly what the resolver answers. CIDR groups are listed separately by their prefix.
 */
public record ScheduleResult(String domain, List<GroupShare> groups) {

    /** One user group's answers for one address family. */
    public record GroupShare(String area, String isp, String cidr, Family family, List<Share> shares, boolean failOpen) {
        public GroupShare {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(isp, "isp");
            Objects.requireNonNull(cidr, "cidr");
            shares = List.copyOf(shares);
        }
    }

    /** An endpoint's share, 0–1. */
    public record Share(String endpoint, double share) {
    }

    public ScheduleResult {
        Objects.requireNonNull(domain, "domain");
        groups = List.copyOf(groups);
    }

    /** Reads the result off a plan: every user group, both families, and each CIDR class. */
    public static ScheduleResult of(AnswerPlan plan) {
        UserGroups ug = plan.groups();
        Regions regions = ug.regions();
        List<GroupShare> out = new ArrayList<>();
        for (Family family : Family.values()) {
            for (int cls = -1; cls < plan.cidrs().count(); cls++) {
                String cidr = cls < 0 ? "" : plan.cidrs().prefix(cls).text();
                for (int g = 0; g < ug.count(); g++) {
                    Distribution d = plan.distributionOfClass(family, g, cls);
                    if (cls >= 0 && d.equals(plan.distributionOfClass(family, g, -1))) {
                        continue;
                    }
                    List<Share> shares = new ArrayList<>();
                    for (int i = 0; i < d.endpoints().length; i++) {
                        Endpoint e = plan.endpoint(d.endpoints()[i]);
                        shares.add(new Share(e.key(), d.shares()[i]));
                    }
                    out.add(new GroupShare(regions.area(ug.areaOf(g)).code(), regions.isp(ug.ispOf(g)).code(),
                            cidr, family, shares, d.failOpen()));
                }
            }
        }
        return new ScheduleResult(plan.domain().name(), out);
    }

    /** The shares of one group (no CIDR), or an empty list. */
    public List<Share> sharesOf(String area, String isp, Family family) {
        for (GroupShare g : groups) {
            if (g.area().equals(area) && g.isp().equals(isp) && g.family() == family && g.cidr().isEmpty()) {
                return g.shares();
            }
        }
        return List.of();
    }

    /** True if some group gets an answer. */
    public boolean hasDistribution() {
        return groups.stream().anyMatch(g -> !g.shares().isEmpty());
    }

    /** Groups answered while all their candidates are down (failing open). */
    public List<GroupShare> failingOpen() {
        return groups.stream().filter(GroupShare::failOpen).toList();
    }
}
