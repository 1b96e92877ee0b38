package io.lodestar.engine.plan;

import io.lodestar.resources.region.Area;
import io.lodestar.resources.region.Regions;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of user groups (area × isp) as dense indices, so that a plan is a plain array.
 * Clients are located to leaf areas only. Outside mainland the bundled IP data knows no Chinese
 * ISP, so every non-mainland area has the single ISP {@code other}: {@link #index} folds it.
 */
public final class UserGroups {

    private final Regions regions;
    private final int ispCount;
    private final int otherIsp;
    private final int[] groupOf;
    private final List<int[]> groups;

    public UserGroups(Regions regions) {
        this.regions = regions;
        this.ispCount = regions.ispCount();
        this.otherIsp = regions.requireIsp("other").index();
        this.groupOf = new int[regions.areaCount() * ispCount];
        java.util.Arrays.fill(groupOf, -1);
        this.groups = new ArrayList<>();
        for (Area a : regions.areas()) {
            if (!a.kind().leaf()) {
                continue;
            }
            for (int i = 0; i < ispCount; i++) {
                if (a.mainland() || i == otherIsp) {
                    groupOf[a.index() * ispCount + i] = groups.size();
                    groups.add(new int[] {a.index(), i});
                }
            }
        }
    }

    public Regions regions() {
        return regions;
    }

    /** Number of user groups. */
    public int count() {
        return groups.size();
    }

    /** The group of a located client; non-leaf areas are not located to and give -1. */
    public int index(int areaIndex, int ispIndex) {
        Area a = regions.area(areaIndex);
        int isp = a.mainland() ? ispIndex : otherIsp;
        return groupOf[areaIndex * ispCount + isp];
    }

    public int areaOf(int group) {
        return groups.get(group)[0];
    }

    public int ispOf(int group) {
        return groups.get(group)[1];
    }
}
