package io.lodestar.engine.strategy;

import static io.lodestar.engine.testing.Fixtures.REGIONS;
import static io.lodestar.engine.testing.Fixtures.SEED_JSON;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.validate.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row: rules JSON (endpoints 1.1.1.1 and 2.2.2.2 exist) → the first error's path and rule. */
class StrategyValidatorTest {

    private static final String ENDPOINTS = ",\"endpointsConf\":[{\"type\":\"A\",\"value\":\"1.1.1.1\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
            + "{\"type\":\"A\",\"value\":\"2.2.2.2\",\"area\":\"shanghai.CN\",\"isp\":\"cu\"}]}";

    private static void resolve(String start, String rules) throws ValidationException {
        SeedJson.Document d = SEED_JSON.read("{\"strategy\":{\"start\":\"" + start + "\",\"rules\":[" + rules + "]}" + ENDPOINTS, "d.example");
        StrategyTree.resolve(d.strategy(), d.endpointsConf(), REGIONS);
    }

    static String rule(String name, String type, String items) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"area\":\"none.CN\",\"isp\":\"other\",\"items\":[" + items + "]}";
    }

    static String item(String ref, int weight, int priority) {
        return "{\"reference\":\"" + ref + "\",\"weight\":" + weight + ",\"priority\":" + priority + "}";
    }

    @Test
    void aValidTwoLevelTreeResolves() {
        assertDoesNotThrow(() -> resolve("root", rule("root", "priority", item("a", 0, 1) + "," + item("2.2.2.2", 0, 2))
                + "," + rule("a", "wrr", item("1.1.1.1", 1, 0))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "negative weight     | wrr      | 1.1.1.1,-1,0 | strategy.rules[0].items[0].weight   | weight.negative",
        "all weights zero    | wrr      | 1.1.1.1,0,0  | strategy.rules[0].items             | weight.allZero",
        "negative priority   | priority | 1.1.1.1,0,-2 | strategy.rules[0].items[0].priority | priority.negative",
        "dangling reference  | wrr      | 9.9.9.9,1,0  | strategy.rules[0].items[0].reference | reference.dangling",
        "start as a child    | wrr      | root,1,0     | strategy.rules[0].items[0].reference | reference.cycle",
    })
    void badRulesAreRefusedNamingTheField(String what, String type, String itemSpec, String path, String code) {
        String[] f = itemSpec.split(",");
        ValidationException e = assertThrows(ValidationException.class,
                () -> resolve("root", rule("root", type, item(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2])))));
        assertEquals(path, e.first().path(), what + ": " + e.getMessage());
        assertEquals(code, e.first().rule(), what + ": " + e.getMessage());
    }

    @Test
    void aCycleBetweenRulesIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> resolve("root",
                rule("root", "wrr", item("1.1.1.1", 1, 0)) + "," + rule("a", "wrr", item("b", 1, 0))
                        + "," + rule("b", "wrr", item("a", 1, 0))));
        assertEquals("reference.cycle", e.first().rule(), e.getMessage());
    }

    @Test
    void aRuleWithTwoParentsIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> resolve("root",
                rule("root", "wrr", item("a", 1, 0) + "," + item("b", 1, 0)) + "," + rule("a", "wrr", item("c", 1, 0))
                        + "," + rule("b", "wrr", item("c", 1, 0)) + "," + rule("c", "wrr", item("1.1.1.1", 1, 0))));
        assertEquals("strategy.rules[2].items[0].reference", e.first().path());
        assertEquals("reference.secondParent", e.first().rule());
    }

    @Test
    void unknownStartAndDuplicateNamesAreRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> resolve("nope",
                rule("root", "wrr", item("1.1.1.1", 1, 0)) + "," + rule("root", "wrr", item("2.2.2.2", 1, 0))));
        assertEquals("strategy.rules[1].name", e.errors().get(0).path());
        assertEquals("name.duplicate", e.errors().get(0).rule());
        assertEquals("start.unknown", e.errors().get(1).rule());
    }

    @Test
    void unknownRuleAreaAndIspAreRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> resolve("root",
                "{\"name\":\"root\",\"type\":\"wrr\",\"area\":\"atlantis.CN\",\"isp\":\"xx\",\"items\":[" + item("1.1.1.1", 1, 0) + "]}"));
        assertEquals("strategy.rules[0].area", e.errors().get(0).path());
        assertEquals("strategy.rules[0].isp", e.errors().get(1).path());
    }

    @Test
    void usersetsOutsideAMappingAreRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> resolve("root",
                rule("root", "wrr", "{\"reference\":\"1.1.1.1\",\"weight\":1,\"usersets\":\"*/ct\"}")));
        assertEquals("strategy.rules[0].items[0].usersets", e.first().path());
        assertEquals("usersets.unexpected", e.first().rule());
    }

    @Test
    void ruleNamedLikeAnEndpointIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> resolve("1.1.1.1",
                rule("1.1.1.1", "wrr", item("2.2.2.2", 1, 0))));
        assertEquals("name.clashesWithEndpoint", e.first().rule());
    }
}
