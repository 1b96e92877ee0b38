package io.lodestar.engine.plan;

import static io.lodestar.engine.testing.Fixtures.GROUPS;
import static io.lodestar.engine.testing.Fixtures.REGIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.strategy.Item;
import io.lodestar.engine.strategy.Rule;
import io.lodestar.engine.strategy.RuleType;
import io.lodestar.engine.strategy.Strategy;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.testing.Fixtures;
import io.lodestar.engine.validate.EndpointInput;
import io.lodestar.engine.validate.Errors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** wrr picks follow the weights: 100 000 seeded picks land within ±1 % (absolute) of each share. */
class WrrSharesTest {

    @Test
    void wrrPicksMatchTheWeightsWithinOnePercent() throws Exception {
        int[] weights = {5, 10, 15, 30, 40, 1};
        List<Endpoint> eps = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            String ip = "192.0.2." + (i + 1);
            eps.add(new EndpointInput(ip, "A", "beijing.CN", "ct", null, 1, true, true)
                    .toEndpoint("d.example", REGIONS, "ep", new Errors()).orElseThrow());
            items.add(Item.of(ip, weights[i], 0));
        }
        Strategy s = new Strategy("w", List.of(new Rule("w", RuleType.WRR, "none.CN", "other", true, items)));
        AnswerPlan plan = new StrategyCompiler(GROUPS).compile(Fixtures.domain("d.example"),
                StrategyTree.resolve(s, eps, REGIONS), eps, HealthView.ALL_UP);
        int group = Fixtures.group("beijing.CN/ct");
        SplittableRandom random = new SplittableRandom(20261123L);
        Map<String, Integer> counts = new HashMap<>();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            counts.merge(plan.pick(Family.V4, group, null, random.nextDouble()).key(), 1, Integer::sum);
        }
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        for (int i = 0; i < weights.length; i++) {
            double expected = 100.0 * weights[i] / total;
            double actual = 100.0 * counts.getOrDefault("192.0.2." + (i + 1), 0) / n;
            assertEquals(expected, actual, 1.0, "share of 192.0.2." + (i + 1));
        }
    }
}
