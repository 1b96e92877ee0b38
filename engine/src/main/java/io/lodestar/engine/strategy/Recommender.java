package io.lodestar.engine.strategy;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.validate.ValidationError;
import io.lodestar.engine.validate.ValidationException;
import io.lodestar.resources.region.Regions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recommended strategy (seed: 自动推荐策略) from a domain's endpoints. The rule, documented in
 * docs/strategies.md:
 * <ol>
 *   <li>Endpoints tagged {@code backup} (or 备用) are backups, the rest primaries (all primaries if every
 *       endpoint is tagged).</li>
 *   <li>Primaries are grouped by area. An area whose endpoints share one ISP is a wrr rule named after
 *       the area (seed: the 北京 rule) over its endpoints by weight: same-region actives.</li>
 *   <li>An area whose endpoints are on different ISPs is a userGroupMapping: each ISP's users go to that
 *       ISP's endpoints ({@code * /ct} → a wrr of the ct endpoints), everyone else to a wrr of all of
 *       them. If an ISP's endpoints fail, the mapping is down for those users and the geo rule above
 *       moves them to the next nearest area.</li>
 *   <li>The areas hang under a geoProximity root named 根规则 (the seed's own recommendation shape),
 *       so users go to the nearest area and fail over to the next nearest.</li>
 *   <li>With backups, the root is a priority rule: the geo tree at priority 1, a wrr of the backups at 2.</li>
 * </ol>
 */
public final class Recommender {

    public static final String ROOT = "根规则";
    private static final Set<String> BACKUP_TAGS = Set.of("backup", "备用", "备");

    private final Regions regions;

    public Recommender(Regions regions) {
        this.regions = regions;
    }

    public Strategy recommend(List<Endpoint> endpoints) throws ValidationException {
        List<Endpoint> enabled = endpoints.stream().filter(Endpoint::enable).toList();
        if (enabled.isEmpty()) {
            throw new ValidationException(new ValidationError("endpoints", "endpoints.empty",
                    "endpoints: a strategy can only be recommended for a domain with enabled endpoints"));
        }
        List<Endpoint> backups = enabled.stream().filter(Recommender::isBackup).toList();
        List<Endpoint> primaries = enabled.stream().filter(e -> !isBackup(e)).toList();
        if (primaries.isEmpty()) {
            primaries = backups;
            backups = List.of();
        }
        List<Rule> rules = new ArrayList<>();
        String geoName = backups.isEmpty() ? ROOT : "就近接入";
        List<Item> areaItems = new ArrayList<>();
        for (Map.Entry<String, List<Endpoint>> area : byArea(primaries).entrySet()) {
            areaItems.add(Item.of(areaRule(area.getKey(), area.getValue(), rules), 0, 0));
        }
        rules.add(0, new Rule(geoName, RuleType.GEO_PROXIMITY, "none.CN", "other", true, areaItems));
        if (!backups.isEmpty()) {
            rules.add(wrr("备用", "none.CN", "other", backups));
            rules.add(0, new Rule(ROOT, RuleType.PRIORITY, "none.CN", "other", true,
                    List.of(Item.of(geoName, 0, 1), Item.of("备用", 0, 2))));
        }
        return new Strategy(ROOT, rules);
    }

    private String areaRule(String area, List<Endpoint> eps, List<Rule> rules) {
        String name = regions.area(area).map(a -> a.nameZh()).orElse(area);
        Map<String, List<Endpoint>> byIsp = new LinkedHashMap<>();
        eps.forEach(e -> byIsp.computeIfAbsent(e.isp(), k -> new ArrayList<>()).add(e));
        if (byIsp.size() == 1) {
            rules.add(wrr(name, area, eps.get(0).isp(), eps));
            return name;
        }
        List<Item> items = new ArrayList<>();
        for (Map.Entry<String, List<Endpoint>> isp : byIsp.entrySet()) {
            if (isp.getKey().equals("other")) {
                continue;
            }
            String ispName = name + "-" + regions.isp(isp.getKey()).map(i -> i.nameZh()).orElse(isp.getKey());
            rules.add(wrr(ispName, area, isp.getKey(), isp.getValue()));
            items.add(new Item(ispName, 0, 0, new UserSet(List.of(new UserTerm.AreaIsp(UserTerm.ANY, isp.getKey())))));
        }
        String all = name + "-全部";
        rules.add(wrr(all, area, "other", eps));
        items.add(Item.of(all, 0, 0));
        rules.add(new Rule(name, RuleType.USER_GROUP_MAPPING, area, "other", true, items));
        return name;
    }

    private static Rule wrr(String name, String area, String isp, List<Endpoint> eps) {
        boolean anyWeight = eps.stream().anyMatch(e -> e.weight() > 0);
        List<Item> items = eps.stream().map(e -> Item.of(e.key(), anyWeight ? e.weight() : 1, 0)).toList();
        return new Rule(name, RuleType.WRR, area, isp, true, items);
    }

    private static Map<String, List<Endpoint>> byArea(List<Endpoint> eps) {
        Map<String, List<Endpoint>> m = new LinkedHashMap<>();
        eps.forEach(e -> m.computeIfAbsent(e.area(), k -> new ArrayList<>()).add(e));
        return m;
    }

    private static boolean isBackup(Endpoint e) {
        return e.tags().stream().anyMatch(t -> BACKUP_TAGS.contains(t.toLowerCase()));
    }
}
