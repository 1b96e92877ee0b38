package io.lodestar.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Which UDP path a node process runs, by the JVM's flags and {@code -Dlodestar.udp} (ADR 0013): it
 * answers either way, and its log names the path; asked for mmsg where it cannot run, it says why
 * and serves with NIO.
 */
class UdpPathChoiceIT {

    private static final String FOREIGN = "--add-modules jdk.incubator.foreign";
    private static final String NATIVE = "--enable-native-access=ALL-UNNAMED";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
        "                                                                  | nio (DatagramChannel)  | ",
        FOREIGN + " " + NATIVE + "                                         | mmsg (recvmmsg/sendmmsg) | ",
        FOREIGN + " " + NATIVE + " -Dlodestar.udp=nio                      | nio (DatagramChannel)  | ",
        "-Dlodestar.udp=mmsg                                               | nio (DatagramChannel)  | without --add-modules jdk.incubator.foreign",
        FOREIGN + " -Dlodestar.udp=mmsg                                    | nio (DatagramChannel)  | native access is not enabled",
    })
    void theNodeAnswersOnThePathItsFlagsAllowAndSaysWhich(String jvmFlags, String path, String why) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        if (jvmFlags != null) {
            cmd.addAll(List.of(jvmFlags.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), NodeMain.class.getName(),
                "--data", dir.toString(), "--dns", "127.0.0.1:0", "--api", "127.0.0.1:0"));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertNotNull(ready, "no ready line");
            int port = Integer.parseInt(ready.substring(ready.lastIndexOf(':') + 1));
            Message soa = Packets.udp(new InetSocketAddress("127.0.0.1", port),
                    Packets.query(1, "gtm.lodestar.test.", Type.SOA), 5_000);
            assertNotNull(soa, "an answer over UDP");
            assertEquals(Rcode.NOERROR, soa.getRcode());
            String log = awaitLog(p);
            assertTrue(log.contains("dns udp: " + path), log);
            if (why != null) {
                assertTrue(log.contains("lodestar.udp=mmsg is not available (") && log.contains(why), log);
            }
        } finally {
            p.destroy();
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "node stopped");
        }
    }

    /** The node's stderr once it has logged its UDP path (bounded wait). */
    private String awaitLog(Process p) throws Exception {
        Path file = dir.resolve("stderr");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String log = "";
        while (System.nanoTime() < deadline && p.isAlive()) {
            log = Files.readString(file);
            if (log.contains("dns udp: ")) {
                return log;
            }
            Thread.sleep(50);
        }
        return log;
    }
}
