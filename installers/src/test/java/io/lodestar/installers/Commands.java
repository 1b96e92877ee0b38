package io.lodestar.installers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs system commands (dpkg, getent, …) with a time limit, for {@link InstallersIT}. */
final class Commands {

    private Commands() {
    }

    /** The command's exit code and its output (stdout and stderr together). */
    record Result(int code, String output) {
    }

    static Result run(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();   // ends when the process closes its output
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", cmd));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Result run(String... cmd) throws IOException, InterruptedException {
        return run(Map.of(), cmd);
    }

    /** Runs and asserts exit code 0, showing the output when it is not. */
    static String ok(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        Result r = run(env, cmd);
        assertEquals(0, r.code(), String.join(" ", cmd) + " failed:\n" + r.output());
        return r.output();
    }

    static String ok(String... cmd) throws IOException, InterruptedException {
        return ok(Map.of(), cmd);
    }

    static boolean exists(String program) throws IOException, InterruptedException {
        return run("sh", "-c", "command -v " + program).code() == 0;
    }

    static List<String> words(String line) {
        return List.of(line.trim().split("\\s+"));
    }
}
