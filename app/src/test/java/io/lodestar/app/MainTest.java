package io.lodestar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommand() {
        assertEquals(0, run("help"));
        String text = out.toString(StandardCharsets.UTF_8);
        for (String c : new String[] {"./lodestar ", "./lodestar node", "./lodestar help", "mvn -B verify"}) {
            assertTrue(text.contains(c), c);
        }
    }

    @Test
    void locatePlacesAGuangdongTelecomAddress() {
        assertEquals(0, run("locate", "202.96.128.86"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("guangdong.CN/ct"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void locateRefusesANameInsteadOfAnAddress() {
        assertEquals(2, run("locate", "example.com"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not an IP address"));
    }

    @Test
    void checkReportsTheFieldOfAnInvalidStrategy(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"strategy\":{\"start\":\"r\",\"rules\":[{\"name\":\"r\",\"type\":\"wrr\",\"area\":\"none.CN\","
                + "\"isp\":\"other\",\"items\":[{\"reference\":\"1.1.1.1\",\"weight\":-3}]}]},"
                + "\"endpointsConf\":[{\"type\":\"A\",\"value\":\"1.1.1.1\",\"area\":\"beijing.CN\",\"isp\":\"ct\"}]}");
        assertEquals(1, run("check", f.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("strategy.rules[0].items[0].weight"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkPrintsTheScheduleResultOfAValidStrategy(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"strategy\":{\"start\":\"r\",\"rules\":[{\"name\":\"r\",\"type\":\"priority\",\"area\":\"none.CN\","
                + "\"isp\":\"other\",\"items\":[{\"reference\":\"1.1.1.1\",\"priority\":1},{\"reference\":\"2.2.2.2\",\"priority\":2}]}]},"
                + "\"endpointsConf\":[{\"type\":\"A\",\"value\":\"1.1.1.1\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
                + "{\"type\":\"A\",\"value\":\"2.2.2.2\",\"area\":\"beijing.CN\",\"isp\":\"ct\"}]}");
        assertEquals(0, run("check", f.toString(), "--down", "1.1.1.1"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("beijing.CN/ct      2.2.2.2=100.0%"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownCommandExitsNonZero() {
        assertEquals(2, run("frobnicate"));
    }

    @Test
    void aStrategyFileHandedOverByTheDesktopOpensTheConsole() {
        assertTrue(Main.opensConsole(new String[0]));
        assertTrue(Main.opensConsole(new String[] {"/home/me/www.example.com.lodestar"}));
        assertFalse(Main.opensConsole(new String[] {"node"}));
        assertFalse(Main.opensConsole(new String[] {"check", "strategy.json"}));
    }
}
