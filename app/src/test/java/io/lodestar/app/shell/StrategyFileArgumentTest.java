package io.lodestar.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the console does with the file the desktop hands over on double-click (installers' file association). */
class StrategyFileArgumentTest {

    @TempDir
    Path dir;

    @Test
    void anExportedStrategyFileIsReadForTheEditor() throws Exception {
        Path f = dir.resolve("www.example.com.lodestar");
        Files.writeString(f, "{\"strategy\": {\"start\": \"a\", \"rules\": []}}");
        assertEquals(Optional.of(Files.readString(f)), ConsoleApp.strategyFile(List.of(f.toString())));
    }

    @Test
    void noFileAnotherKindOfFileOrAMissingOneOpensThePlainConsole() {
        assertEquals(Optional.empty(), ConsoleApp.strategyFile(List.of()));
        assertEquals(Optional.empty(), ConsoleApp.strategyFile(List.of(dir.resolve("notes.txt").toString())));
        assertEquals(Optional.empty(), ConsoleApp.strategyFile(List.of(dir.resolve("gone.lodestar").toString())));
    }
}
