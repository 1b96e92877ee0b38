package io.lodestar.engine.plan;

import static io.lodestar.engine.testing.Fixtures.GROUPS;
import static io.lodestar.engine.testing.Fixtures.SEED_JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.model.IpText;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.testing.Fixtures;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every folder under {@code src/test/resources/scenarios/} (see its README): the strategy is
 * imported from the seed's JSON, compiled under each health case, and every expected user group's
 * distribution must match exactly.
 */
class ScenarioTest {

    static Stream<String> scenarios() throws IOException, URISyntaxException {
        Path root = Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void answersEveryUserGroupAsExpected(String name) throws Exception {
        Path dir = Path.of(ScenarioTest.class.getResource("/scenarios/" + name).toURI());
        SeedJson.Document doc = SEED_JSON.read(Files.readString(dir.resolve("strategy.json")), "www.example.com");
        List<Endpoint> endpoints = doc.endpointsConf();
        StrategyTree tree = StrategyTree.resolve(doc.strategy(), endpoints, Fixtures.REGIONS);
        StrategyCompiler compiler = new StrategyCompiler(GROUPS);
        int checked = 0;
        AnswerPlan plan = null;
        Family family = Family.V4;
        List<String> lines = Files.readAllLines(dir.resolve("expect.txt"), StandardCharsets.UTF_8);
        for (int no = 1; no <= lines.size(); no++) {
            String line = lines.get(no - 1).replaceAll("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String where = name + "/expect.txt:" + no;
            if (line.startsWith("health:")) {
                Set<String> down = parseDown(line.substring(7).trim());
                plan = compiler.compile(Fixtures.domain("www.example.com"), tree, endpoints, e -> !down.contains(e.key()));
                family = Family.V4;
                continue;
            }
            if (line.startsWith("family:")) {
                family = line.endsWith("v6") ? Family.V6 : Family.V4;
                continue;
            }
            if (plan == null) {
                fail(where + ": expectation before any 'health:' line");
            }
            checkLine(plan, family, line, where);
            checked++;
        }
        assertTrue(checked > 0, name + ": no expectations");
    }

    private static Set<String> parseDown(String spec) {
        Set<String> down = new TreeSet<>();
        if (spec.startsWith("down")) {
            for (String s : spec.substring(4).split(",")) {
                down.add(s.trim());
            }
        } else if (!spec.equals("all up")) {
            throw new IllegalArgumentException("health must be 'all up' or 'down A, B': " + spec);
        }
        return down;
    }

    private static void checkLine(AnswerPlan plan, Family family, String line, String where) {
        List<String> tok = new ArrayList<>(List.of(line.split("\\s+")));
        int group = Fixtures.group(tok.remove(0));
        byte[] client = null;
        if (tok.get(0).startsWith("@")) {
            client = IpText.parse(tok.remove(0).substring(1)).orElseThrow();
        }
        boolean failOpen = tok.remove("failopen");
        Map<String, Double> expected = new LinkedHashMap<>();
        if (!tok.equals(List.of("-"))) {
            for (String t : tok) {
                int eq = t.lastIndexOf('=');
                expected.put(eq < 0 ? t : t.substring(0, eq), eq < 0 ? 100.0 : Double.parseDouble(t.substring(eq + 1)));
            }
        }
        Distribution d = plan.distribution(family, group, client);
        Map<String, Double> actual = new LinkedHashMap<>();
        for (int i = 0; i < d.endpoints().length; i++) {
            actual.put(plan.endpoint(d.endpoints()[i]).key(), d.shares()[i] * 100);
        }
        assertEquals(expected.keySet(), actual.keySet(), where + ": endpoints of " + line + " were " + actual);
        expected.forEach((k, v) -> assertEquals(v, actual.get(k), 0.01, where + ": share of " + k + " in " + actual));
        assertEquals(failOpen, d.failOpen(), where + ": failOpen");
    }
}
