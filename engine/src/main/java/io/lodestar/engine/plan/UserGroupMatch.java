package io.lodestar.engine.plan;

import io.lodestar.engine.strategy.Item;
import io.lodestar.engine.strategy.UserTerm;
import io.lodestar.resources.region.Area;
import io.lodestar.resources.region.Regions;
import java.util.Optional;

/**
 * How specifically an item's usersets match a user group. The finer region wins over the coarser
 * and the default (EdgeOne: Beijing &gt; mainland &gt; default), a CIDR term over any area/ISP
 * term, and a longer prefix over a shorter one.
 *
 * <p>Scores: no match -1; the default item (empty usersets) 0; an {@code AREA/ISP} term
 * {@code 1 + 2 × areaLevel + ispLevel}, where areaLevel is 0 for {@code *} and the area's depth + 1
 * otherwise (mainland.CN 1, a province 2; none.abroad 1, a continent 2, a country 3), ispLevel 1
 * for a named ISP and 0 for {@code *}; a CIDR term 1000 + prefix length.
 */
public final class UserGroupMatch {

    static final int CIDR_BASE = 1000;

    private UserGroupMatch() {
    }

    public static int score(Item item, Regions regions, int area, int isp, UserTerm.Cidr clientPrefix) {
        if (item.usersets().isDefault()) {
            return 0;
        }
        int best = -1;
        for (UserTerm t : item.usersets().terms()) {
            best = Math.max(best, score(t, regions, area, isp, clientPrefix));
        }
        return best;
    }

    private static int score(UserTerm t, Regions regions, int area, int isp, UserTerm.Cidr clientPrefix) {
        return t.accept(new UserTerm.Visitor<Integer>() {
            @Override
            public Integer areaIsp(UserTerm.AreaIsp ai) {
                return areaIspScore(ai, regions, area, isp);
            }

            @Override
            public Integer cidr(UserTerm.Cidr c) {
                return clientPrefix != null && c.contains(clientPrefix) ? CIDR_BASE + c.prefix() : -1;
            }
        });
    }

    private static int areaIspScore(UserTerm.AreaIsp ai, Regions regions, int area, int isp) {
        int areaLevel = 0;
        if (!ai.area().equals(UserTerm.ANY)) {
            Optional<Area> a = regions.area(ai.area());
            if (a.isEmpty() || !regions.within(area, a.get().index())) {
                return -1;
            }
            areaLevel = regions.depth(a.get().index()) + 1;
        }
        int ispLevel = 0;
        if (!ai.isp().equals(UserTerm.ANY)) {
            if (regions.isp(ai.isp()).map(i -> i.index() != isp).orElse(true)) {
                return -1;
            }
            ispLevel = 1;
        }
        return 1 + 2 * areaLevel + ispLevel;
    }
}
