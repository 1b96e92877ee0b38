package io.lodestar.engine.plan;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Family;
import java.util.List;

/**
 * A domain's compiled, immutable answer plan: for every address family, CIDR class and user group,
 * the index of a precomputed {@link Distribution}. The resolver never walks the strategy tree: a
 * pick is two array reads and an alias-table draw.
 */
public final class AnswerPlan {

    private final Domain domain;
    private final Endpoint[] endpoints;
    private final UserGroups groups;
    private final CidrClasses cidrs;
    private final Distribution[] distributions;
    /** [family][cidrClass + 1][group] → index into {@link #distributions}. */
    private final int[][][] table;

    AnswerPlan(Domain domain, Endpoint[] endpoints, UserGroups groups, CidrClasses cidrs,
               Distribution[] distributions, int[][][] table) {
        this.domain = domain;
        this.endpoints = endpoints;
        this.groups = groups;
        this.cidrs = cidrs;
        this.distributions = distributions;
        this.table = table;
    }

    /** A plan that answers nothing (a domain without a strategy has no distribution). */
    public static AnswerPlan empty(Domain domain, UserGroups groups) {
        int[][][] t = new int[Family.values().length][1][groups.count()];
        return new AnswerPlan(domain, new Endpoint[0], groups, CidrClasses.NONE,
                new Distribution[] {Distribution.EMPTY}, t);
    }

    public Domain domain() {
        return domain;
    }

    public UserGroups groups() {
        return groups;
    }

    public List<Endpoint> endpoints() {
        return List.of(endpoints);
    }

    public Endpoint endpoint(int index) {
        return endpoints[index];
    }

    public CidrClasses cidrs() {
        return cidrs;
    }

    /** Distinct distributions in this plan. */
    public int distributionCount() {
        return distributions.length;
    }

    /** True if the plan answers something for some group. */
    public boolean hasDistribution() {
        for (Distribution d : distributions) {
            if (!d.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The distribution of a user group; {@code client} (4 or 16 bytes, may be null) selects CIDR groups. */
    public Distribution distribution(Family family, int group, byte[] client) {
        int cls = cidrs.count() == 0 ? -1 : cidrs.classOf(client);
        return distributions[table[family.ordinal()][cls + 1][group]];
    }

    /** The distribution of a user group for a given CIDR class (-1 = none). */
    public Distribution distributionOfClass(Family family, int group, int cidrClass) {
        return distributions[table[family.ordinal()][cidrClass + 1][group]];
    }

    /** One weighted pick, or null when nothing answers: O(1), no allocation. */
    public Endpoint pick(Family family, int group, byte[] client, double u) {
        int i = distribution(family, group, client).pick(u);
        return i < 0 ? null : endpoints[i];
    }
}
