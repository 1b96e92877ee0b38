package io.lodestar.engine.seedjson;

import static io.lodestar.engine.testing.Fixtures.GROUPS;
import static io.lodestar.engine.testing.Fixtures.REGIONS;
import static io.lodestar.engine.testing.Fixtures.SEED_JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.HealthView;
import io.lodestar.engine.plan.StrategyCompiler;
import io.lodestar.engine.strategy.RuleType;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.testing.Fixtures;
import io.lodestar.engine.validate.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedJsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);

    static String resource(String name) throws IOException {
        try (InputStream in = SeedJsonTest.class.getResourceAsStream("/seed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void seedStrategyResponseParsesWithItsComments() throws Exception {
        SeedJson.Document d = SEED_JSON.read(resource("get-strategy-response.json"), "www.mydomain.com");
        assertEquals(DomainStatus.START, d.status().orElseThrow());
        assertEquals("根规则", d.strategy().start());
        assertEquals(RuleType.GEO_PROXIMITY, d.strategy().rule("根规则").orElseThrow().type());
        assertEquals(RuleType.WRR, d.strategy().rule("北京").orElseThrow().type());
        assertEquals("220.181.38.135", d.endpointsConf().get(0).key());
        assertEquals("beijing.CN", d.endpointsConf().get(0).area());
    }

    @Test
    void seedStrategyResponseRoundTripsToTheSameJson() throws Exception {
        String seed = resource("get-strategy-response.json");
        String written = SEED_JSON.write(SEED_JSON.read(seed, "www.mydomain.com"));
        assertEquals(PLAIN.readTree(seed), PLAIN.readTree(written));
    }

    @Test
    void seedUpdateOrCreateBodyRoundTripsAndCompiles() throws Exception {
        String seed = resource("update-or-create.json");
        Map<String, SeedJson.Document> docs = SEED_JSON.readUpdateOrCreate(seed);
        assertEquals(PLAIN.readTree(seed), PLAIN.readTree(SEED_JSON.writeUpdateOrCreate(docs)));
        SeedJson.Document d = docs.get("itmdomain-test.com.4");
        StrategyTree tree = StrategyTree.resolve(d.strategy(), d.endpointsConf(), REGIONS);
        AnswerPlan plan = new StrategyCompiler(GROUPS).compile(Fixtures.domain("itmdomain-test.com.4"), tree,
                d.endpointsConf(), HealthView.ALL_UP);
        assertEquals("1.1.1.1", plan.pick(Family.V4, Fixtures.group("anhui.CN/ct"), null, 0.5).key());
        assertEquals("1.1.1.1", plan.pick(Family.V4, Fixtures.group("us.abroad/other"), null, 0.99).key());
    }

    @Test
    void chineseRuleTypeNamesAreAccepted() throws Exception {
        String json = resource("get-strategy-response.json").replace("\"geoProximity\"", "\"地理就近\"");
        SeedJson.Document d = SEED_JSON.read(json, "www.mydomain.com");
        assertEquals(RuleType.GEO_PROXIMITY, d.strategy().rule("根规则").orElseThrow().type());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field         | {\"strategy\":{\"start\":\"r\",\"rules\":[],\"colour\":1}}          | strategy.colour       | json.mapping",
        "wrong type            | {\"strategy\":{\"start\":\"r\",\"rules\":[{\"weight\":\"x\"}]}}   | strategy.rules[0].weight | json.mapping",
        "malformed             | {\"strategy\":                                                     | ''                    | json.syntax",
        "float weight          | {\"strategy\":{\"start\":\"r\",\"rules\":[{\"name\":\"r\",\"type\":\"wrr\",\"items\":[{\"reference\":\"1.1.1.1\",\"weight\":1.5}]}]}} | strategy.rules[0].items[0].weight | json.mapping",
        "unknown rule type     | {\"strategy\":{\"start\":\"r\",\"rules\":[{\"name\":\"r\",\"type\":\"random\",\"items\":[]}]}} | strategy.rules[0].type | type.unknown",
        "bad status            | {\"status\":\"go\",\"strategy\":{\"start\":\"r\",\"rules\":[]}}     | status                | status.unknown",
        "bad endpoint address  | {\"strategy\":{\"start\":\"r\",\"rules\":[]},\"endpointsConf\":[{\"type\":\"A\",\"value\":\"1.2.3.256\"}]} | endpointsConf[0].value | value.invalid",
        "bad userset area      | {\"strategy\":{\"start\":\"r\",\"rules\":[{\"name\":\"r\",\"type\":\"userGroupMapping\",\"items\":[{\"reference\":\"x\",\"usersets\":\"mars.CN/ct\"}]}]}} | strategy.rules[0].items[0].usersets | usersets.area",
        "missing strategy      | {}                                                                | strategy              | strategy.missing",
    })
    void badDocumentsAreRefusedNamingTheField(String what, String json, String path, String rule) {
        ValidationException e = assertThrows(ValidationException.class, () -> SEED_JSON.read(json, "d.example"));
        assertEquals(path, e.first().path(), what + ": " + e.getMessage());
        assertEquals(rule, e.first().rule(), what + ": " + e.getMessage());
        assertTrue(path.isEmpty() || e.first().message().contains(path), e.first().message());
    }

    @Test
    void exportedStrategyIsPlainJsonWithoutComments() throws Exception {
        String written = SEED_JSON.write(SEED_JSON.read(resource("get-strategy-response.json"), "www.mydomain.com"));
        JsonNode n = new ObjectMapper().readTree(written);
        assertEquals("wrr", n.at("/strategy/rules/1/type").asText());
        assertEquals("", n.at("/strategy/rules/0/items/0/usersets").asText());
    }
}
