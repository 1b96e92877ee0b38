package io.lodestar.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lodestar node} as a real process: ready lines, refusals with one-line reasons, SIGTERM. */
class NodeProcessIT {

    @TempDir
    Path dir;

    private Process start(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), NodeMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    private static String readLine(BufferedReader r, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (r.ready()) {
                return r.readLine();
            }
            if (!p.isAlive()) {
                return r.readLine();
            }
            Thread.sleep(20);
        }
        return null;
    }

    @Test
    void printsReadyLinesWritesTheAdminTokenAndStopsOnSigterm() throws Exception {
        Process p = start("--data", dir.toString(), "--dns", "127.0.0.1:0", "--api", "127.0.0.1:0");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String dns = readLine(out, p);
            String api = readLine(out, p);
            String token = readLine(out, p);
            assertNotNull(dns, () -> "no ready line; node exited: " + !p.isAlive());
            assertTrue(dns.matches("dns udp\\+tcp 127\\.0\\.0\\.1:\\d+"), dns);
            assertTrue(api.matches("api http://127\\.0\\.0\\.1:\\d+"), api);
            assertTrue(token.startsWith("admin token written to "), token);
            Path file = dir.resolve("admin.token");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertTrue(Files.readString(file).trim().length() >= 32);
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "node did not stop on SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        assertTrue(Files.exists(dir.resolve("lodestar.db")));
    }

    @Test
    void badOptionExitsWithAOneLineReason() throws Exception {
        Process p = start("--dns", "nowhere");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals("lodestar node: --dns: expected HOST:PORT, got 'nowhere'", err);
    }

    @Test
    void busyPortExitsWithAOneLineReason() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process p = start("--data", dir.toString(), "--dns", "127.0.0.1:0", "--api", "127.0.0.1:" + busy.getLocalPort());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue());
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertFalse(err.contains("\n"), err);
            assertTrue(err.startsWith("lodestar node: cannot listen: api 127.0.0.1:" + busy.getLocalPort()), err);
        }
    }

}
