package io.lodestar.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineTeeTest {

    @Test
    void everyByteGoesThroughAndEachCompleteLineReachesTheNodeLog() {
        ByteArrayOutputStream through = new ByteArrayOutputStream();
        NodeLog log = new NodeLog(10);
        PrintStream err = new PrintStream(new LineTee(through, log::note), true, StandardCharsets.UTF_8);
        err.print("[probe] WARN verdict: 127.0.0.3 ");
        err.println("fail (3 of 3 failed)");
        err.print("探测 half a line");
        assertEquals("[probe] WARN verdict: 127.0.0.3 fail (3 of 3 failed)\n探测 half a line",
                through.toString(StandardCharsets.UTF_8));
        List<String> lines = log.lines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("  [probe] WARN verdict: 127.0.0.3 fail (3 of 3 failed)"), lines.get(0));
        err.println();
        assertTrue(log.lines().get(1).endsWith("  探测 half a line"), log.lines().toString());
    }

    @Test
    void theLogKeepsOnlyTheLatestLinesAndALongLineComesInPieces() {
        NodeLog log = new NodeLog(3);
        List<String> pieces = new ArrayList<>();
        PrintStream err = new PrintStream(new LineTee(new ByteArrayOutputStream(), l -> {
            pieces.add(l);
            log.note(l);
        }), true, StandardCharsets.UTF_8);
        for (int i = 0; i < 5; i++) {
            err.println("line " + i);
        }
        assertEquals(3, log.lines().size());
        assertTrue(log.lines().get(0).endsWith("line 2"));
        err.println("x".repeat(LineTee.MAX_LINE + 10));
        assertEquals(LineTee.MAX_LINE, pieces.get(5).length());
        assertEquals(10, pieces.get(6).length());
    }
}
