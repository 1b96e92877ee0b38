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
    /** True: a query gets every endpoint of its distribution (IGTM "all healthy addresses"), not one draw. */
    private final boolean answersAll;

    AnswerPlan(Domain domain, Endpoint[] endpoints, UserGroups groups, CidrClasses cidrs,
               Distribution[] distributions, int[][][] table) {
        this(domain, endpoints, groups, cidrs, distributions, table, false);
    }

    private AnswerPlan(Domain domain, Endpoint[] endpoints, UserGroups groups, CidrClasses cidrs,
                       Distribution[] distributions, int[][][] table, boolean answersAll) {
        this.answersAll = answersAll;
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

    /**
     * A plan whose answer is the same for every user group and client address (address pools):
     * {@code byFamily[family.ordinal()]} is that family's distribution.
     */
    public static AnswerPlan uniform(Domain domain, List<Endpoint> endpoints, UserGroups groups,
                                     Distribution[] byFamily) {
        int[][][] t = new int[Family.values().length][1][groups.count()];
        for (Family f : Family.values()) {
            java.util.Arrays.fill(t[f.ordinal()][0], f.ordinal());
        }
        return new AnswerPlan(domain, endpoints.toArray(new Endpoint[0]), groups, CidrClasses.NONE,
                byFamily.clone(), t);
    }

    /** Rewrites one distribution of a plan (ramps, all-down policies), given where it is used. */
    @FunctionalInterface
    public interface Remap {
        Distribution apply(Family family, int group, int cidrClass, Distribution d);
    }

    /** The same plan with every (family, CIDR class, group) distribution rewritten; equal results are shared. */
    public AnswerPlan remap(Remap f) {
        java.util.Map<Distribution, Integer> distinct = new java.util.LinkedHashMap<>();
        distinct.put(Distribution.EMPTY, 0);
        int[][][] t = new int[table.length][][];
        for (Family family : Family.values()) {
            int[][] byClass = table[family.ordinal()];
            t[family.ordinal()] = new int[byClass.length][];
            for (int c = 0; c < byClass.length; c++) {
                t[family.ordinal()][c] = new int[byClass[c].length];
                for (int g = 0; g < byClass[c].length; g++) {
                    Distribution d = f.apply(family, g, c - 1, distributions[byClass[c][g]]);
                    t[family.ordinal()][c][g] = distinct.computeIfAbsent(d, k -> distinct.size());
                }
            }
        }
        return new AnswerPlan(domain, endpoints, groups, cidrs, distinct.keySet().toArray(new Distribution[0]), t,
                answersAll);
    }

    /** The same plan answered under other domain settings (e.g. a shortened TTL). */
    public AnswerPlan withDomain(Domain d) {
        return new AnswerPlan(d, endpoints, groups, cidrs, distributions, table, answersAll);
    }

    /** The same plan answering every endpoint of a distribution at once ({@code true}) or one by weight. */
    public AnswerPlan answeringAll(boolean all) {
        return new AnswerPlan(domain, endpoints, groups, cidrs, distributions, table, all);
    }

    /**
     * True when a query is answered with every endpoint of its distribution (address records only;
     * the resolver draws one as usual when the distribution holds a CNAME).
     */
    public boolean answersAll() {
        return answersAll;
    }

    /** Index of an endpoint in the plan's table by its key, or -1. */
    public int indexOf(String key) {
        for (int i = 0; i < endpoints.length; i++) {
            if (endpoints[i].key().equals(key)) {
                return i;
            }
        }
        return -1;
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
