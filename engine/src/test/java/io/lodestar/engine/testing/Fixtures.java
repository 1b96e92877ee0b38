package io.lodestar.engine.testing;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.plan.UserGroups;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.resources.region.Regions;

/** Shared, loaded-once test facts: the catalogue is immutable, so one instance serves every test. */
public final class Fixtures {

    public static final Regions REGIONS = Regions.load();
    public static final UserGroups GROUPS = new UserGroups(REGIONS);
    public static final SeedJson SEED_JSON = new SeedJson(REGIONS);

    private Fixtures() {
    }

    public static Domain domain(String name) {
        return new Domain(name, true, DomainStatus.START, Domain.DEFAULT_TTL);
    }

    /** The user group of {@code area/isp}, e.g. {@code beijing.CN/ct}. */
    public static int group(String areaIsp) {
        String[] p = areaIsp.split("/");
        int g = GROUPS.index(REGIONS.requireArea(p[0]).index(), REGIONS.requireIsp(p[1]).index());
        if (g < 0) {
            throw new IllegalArgumentException("not a user group: " + areaIsp);
        }
        return g;
    }
}
