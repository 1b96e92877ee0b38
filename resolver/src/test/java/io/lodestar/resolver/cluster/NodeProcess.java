package io.lodestar.resolver.cluster;

import io.lodestar.resolver.NodeMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * One {@code ./lodestar node} as a child process on fixed loopback ports (so it can be killed and
 * started again at the same address), with the API and DNS calls the cluster tests make.
 */
final class NodeProcess implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final Path data;
    final int api;
    final int dns;
    final String token;
    private final List<String> extra = new ArrayList<>();
    private Process process;

    NodeProcess(String name, Path data, String... extra) throws IOException {
        this.name = name;
        this.data = data;
        this.api = freePort();
        this.dns = freePort();
        this.token = name + "-admin-token-0123456789";
        this.extra.addAll(List.of(extra));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** More options for the next launch. */
    NodeProcess with(String... options) {
        extra.addAll(List.of(options));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + api;
    }

    /** Starts the process (not waiting for it). */
    NodeProcess launch() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                NodeMain.class.getName(), "--data", data.toString(), "--api", "127.0.0.1:" + api, "--dns", "127.0.0.1:" + dns,
                "--admin-token", token));
        cmd.addAll(extra);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(name + ".log").toFile()).start();   // truncates the old log
        return this;
    }

    /** Waits for the node's ready lines (bounded). */
    NodeProcess ready() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited " + process.exitValue() + ": " + log());
            }
            if (log().contains("api http://")) {      // the ready lines come once DNS and API both listen
                return this;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(name + " not ready in 40 s: " + log());
    }

    String log() {
        try {
            return java.nio.file.Files.readString(data.resolveSibling(name + ".log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** SIGKILL: no clean shutdown, as a crash or a pulled cable. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A call that must succeed; its body. */
    String ok(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = call(method, path, body);
        if (r.statusCode() != 200) {
            throw new AssertionError(name + ": " + method + " " + path + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** The first A record answered for {@code name}, "-" if none, "?" if no answer at all. */
    String answer(String qname) {
        try {
            SimpleResolver r = new SimpleResolver(InetAddress.getByName("127.0.0.1"));
            r.setPort(dns);
            r.setTimeout(Duration.ofSeconds(2));
            Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString(qname), Type.A, DClass.IN)));
            for (Record rec : m.getSection(Section.ANSWER)) {
                if (rec instanceof ARecord) {
                    return ((ARecord) rec).getAddress().getHostAddress();
                }
            }
            return "-";
        } catch (IOException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
