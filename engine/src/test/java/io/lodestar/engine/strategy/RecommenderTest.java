package io.lodestar.engine.strategy;

import static io.lodestar.engine.testing.Fixtures.GROUPS;
import static io.lodestar.engine.testing.Fixtures.REGIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.StrategyCompiler;
import io.lodestar.engine.testing.Fixtures;
import io.lodestar.engine.validate.EndpointInput;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    private final Recommender recommender = new Recommender(REGIONS);

    private static Endpoint ep(String ip, String area, String isp, String tag) {
        return new EndpointInput(ip, "A", area, isp, tag, 1, true, true)
                .toEndpoint("d.example", REGIONS, "ep", new Errors()).orElseThrow();
    }

    private static AnswerPlan compile(Strategy s, List<Endpoint> eps, Set<String> down) throws ValidationException {
        return new StrategyCompiler(GROUPS).compile(Fixtures.domain("d.example"),
                StrategyTree.resolve(s, eps, REGIONS), eps, e -> !down.contains(e.key()));
    }

    private static String answer(AnswerPlan plan, String group) {
        return plan.pick(Family.V4, Fixtures.group(group), null, 0.1).key();
    }

    @Test
    void oneEndpointGivesTheSeedsOwnShape() throws Exception {
        Strategy s = recommender.recommend(List.of(ep("220.181.38.135", "beijing.CN", "ct", null)));
        assertEquals("根规则", s.start());
        assertEquals(RuleType.GEO_PROXIMITY, s.rule("根规则").orElseThrow().type());
        Rule beijing = s.rule("北京").orElseThrow();
        assertEquals(RuleType.WRR, beijing.type());
        assertEquals("beijing.CN", beijing.area());
        assertEquals("220.181.38.135", beijing.items().get(0).reference());
    }

    @Test
    void regionsGoToTheNearestAndFailOverToTheNextNearest() throws Exception {
        List<Endpoint> eps = List.of(ep("1.1.1.1", "beijing.CN", "ct", null), ep("1.1.1.2", "beijing.CN", "ct", null),
                ep("2.2.2.2", "guangdong.CN", "ct", null));
        Strategy s = recommender.recommend(eps);
        AnswerPlan up = compile(s, eps, Set.of());
        assertEquals(Set.of("1.1.1.1", "1.1.1.2"), Set.of(answer(up, "hebei.CN/ct"),
                up.pick(Family.V4, Fixtures.group("hebei.CN/ct"), null, 0.9).key()));
        assertEquals("2.2.2.2", answer(up, "guangxi.CN/cu"));
        AnswerPlan down = compile(s, eps, Set.of("2.2.2.2"));
        assertEquals("1.1.1.1", answer(down, "guangxi.CN/cu"));
    }

    @Test
    void differentIspsInOneAreaAreMappedPerIsp() throws Exception {
        List<Endpoint> eps = List.of(ep("1.1.1.1", "shanghai.CN", "ct", null), ep("2.2.2.2", "shanghai.CN", "cu", null),
                ep("3.3.3.3", "sichuan.CN", "cm", null));
        Strategy s = recommender.recommend(eps);
        assertEquals(RuleType.USER_GROUP_MAPPING, s.rule("上海").orElseThrow().type());
        AnswerPlan up = compile(s, eps, Set.of());
        assertEquals("1.1.1.1", answer(up, "jiangsu.CN/ct"));
        assertEquals("2.2.2.2", answer(up, "jiangsu.CN/cu"));
        // China Telecom's endpoint in Shanghai fails: its users move to the next nearest area
        AnswerPlan down = compile(s, eps, Set.of("1.1.1.1"));
        assertEquals("3.3.3.3", answer(down, "jiangsu.CN/ct"));
        assertEquals("2.2.2.2", answer(down, "jiangsu.CN/cu"));
    }

    @Test
    void backupsAreUsedOnlyWhenEveryPrimaryIsDown() throws Exception {
        List<Endpoint> eps = List.of(ep("1.1.1.1", "beijing.CN", "ct", null), ep("2.2.2.2", "shanghai.CN", "ct", null),
                ep("9.9.9.9", "guangdong.CN", "ct", "backup"));
        Strategy s = recommender.recommend(eps);
        assertEquals(RuleType.PRIORITY, s.rule("根规则").orElseThrow().type());
        assertEquals("2.2.2.2", answer(compile(s, eps, Set.of("1.1.1.1")), "beijing.CN/ct"));
        assertEquals("9.9.9.9", answer(compile(s, eps, Set.of("1.1.1.1", "2.2.2.2")), "beijing.CN/ct"));
    }

    @Test
    void noEnabledEndpointsIsAnError() {
        ValidationException e = assertThrows(ValidationException.class, () -> recommender.recommend(List.of()));
        assertEquals("endpoints", e.first().path());
    }
}
