package io.lodestar.engine.bench;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.HealthView;
import io.lodestar.engine.plan.StrategyCompiler;
import io.lodestar.engine.plan.UserGroups;
import io.lodestar.engine.strategy.Item;
import io.lodestar.engine.strategy.Rule;
import io.lodestar.engine.strategy.RuleType;
import io.lodestar.engine.strategy.Strategy;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.strategy.UserSet;
import io.lodestar.engine.strategy.UserTerm;
import io.lodestar.engine.validate.EndpointInput;
import io.lodestar.engine.validate.Errors;
import io.lodestar.resources.region.AreaKind;
import io.lodestar.resources.region.Regions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plain benchmark harness (run by {@code bench/engine.sh}, not a test): compile time of a
 * 100-node strategy tree into a full plan, and single-thread picks per second from that plan.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Regions regions = Regions.load();
        UserGroups groups = new UserGroups(regions);
        StrategyCompiler compiler = new StrategyCompiler(groups);
        List<Endpoint> eps = new ArrayList<>();
        Strategy s = hundredNodeTree(regions, eps);
        StrategyTree tree = StrategyTree.resolve(s, eps, regions);
        Domain domain = new Domain("bench.example", true, DomainStatus.START, 60);
        int nodes = s.rules().size() + s.rules().stream().mapToInt(r -> (int) r.items().stream()
                .filter(i -> s.rule(i.reference()).isEmpty()).count()).sum();
        System.out.printf(Locale.ROOT, "tree: %d rules, %d endpoints, %d nodes; %d user groups x 2 families%n",
                s.rules().size(), eps.size(), nodes, groups.count());

        // compile: 10 warm-up, 30 measured
        HealthView someDown = e -> !e.key().endsWith(".7");
        AnswerPlan plan = null;
        for (int i = 0; i < 10; i++) {
            plan = compiler.compile(domain, tree, eps, someDown);
        }
        double[] ms = new double[30];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            plan = compiler.compile(domain, tree, eps, someDown);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "compile: median %.2f ms, min %.2f ms, max %.2f ms (%d distinct distributions)%n",
                ms[ms.length / 2], ms[0], ms[ms.length - 1], plan.distributionCount());

        // picks: random groups and random numbers drawn ahead, so the loop measures the pick alone
        int n = 1 << 20;
        int[] g = new int[n];
        double[] u = new double[n];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            g[i] = random.nextInt(groups.count());
            u[i] = random.nextDouble();
        }
        double[] rates = new double[8];
        long sink = 0;
        for (int round = -5; round < rates.length; round++) {
            long t0 = System.nanoTime();
            for (int rep = 0; rep < 8; rep++) {
                for (int i = 0; i < n; i++) {
                    sink += plan.pick(Family.V4, g[i], null, u[i]).weight();
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            if (round >= 0) {
                rates[round] = 8.0 * n / secs;
            }
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "picks: median %.1f M/s, min %.1f M/s, max %.1f M/s (one thread; sink %d)%n",
                rates[rates.length / 2] / 1e6, rates[0] / 1e6, rates[rates.length - 1] / 1e6, sink);
    }

    /**
     * root geoProximity → 8 provinces; each a userGroupMapping with ct/cu/cm items, each a priority rule
     * over a wrr pair and a backup, plus a default wrr: about 100 nodes.
     */
    static Strategy hundredNodeTree(Regions regions, List<Endpoint> eps) {
        List<Rule> rules = new ArrayList<>();
        List<Item> rootItems = new ArrayList<>();
        List<String> provinces = regions.areas(AreaKind.PROVINCE).stream().map(a -> a.code()).limit(8).toList();
        String[] isps = {"ct", "cu", "cm"};
        int ip = 0;
        for (int p = 0; p < provinces.size(); p++) {
            String area = provinces.get(p);
            List<Item> mapItems = new ArrayList<>();
            List<Item> allItems = new ArrayList<>();
            for (String isp : isps) {
                String a = endpoint(eps, area, isp, ++ip);
                String b = endpoint(eps, area, isp, ++ip);
                String pri = area + "-" + isp;
                rules.add(new Rule(pri, RuleType.PRIORITY, area, isp, true,
                        List.of(Item.of(a, 0, 1), Item.of(b, 0, 2))));
                mapItems.add(new Item(pri, 0, 0, new UserSet(List.of(new UserTerm.AreaIsp("*", isp)))));
                allItems.add(Item.of(a, 1 + ip % 3, 0));
            }
            String all = area + "-all";
            rules.add(new Rule(all, RuleType.WRR, area, "other", true, allItems));
            mapItems.add(Item.of(all, 0, 0));
            rules.add(new Rule(area, RuleType.USER_GROUP_MAPPING, area, "other", true, mapItems));
            rootItems.add(Item.of(area, 0, 0));
        }
        rules.add(0, new Rule("root", RuleType.GEO_PROXIMITY, "none.CN", "other", true, rootItems));
        return new Strategy("root", rules);
    }

    private static String endpoint(List<Endpoint> eps, String area, String isp, int n) {
        String ip = "10.0." + (n / 250) + "." + (n % 250 + 1);
        eps.add(new EndpointInput(ip, "A", area, isp, null, 1, true, true)
                .toEndpoint("bench.example", Regions.load(), "ep", new Errors()).orElseThrow());
        return ip;
    }
}
