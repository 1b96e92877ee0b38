package io.lodestar.resolver.bench;

import io.lodestar.engine.node.Node;
import io.lodestar.resolver.NodeMain;
import io.lodestar.resolver.NodeOptions;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Snapshot size and push time against the number of domains (issue 8, docs/SCALING.md): a control
 * node and a member in one JVM on loopback; N domains with two A endpoints and a wrr strategy each.
 * Measures the snapshot's bytes, the first full sync (join → member has applied and compiled
 * everything), and a one-domain change (write on the control → member applied it), median of 5.
 *   bench/cluster.sh [N …] (default 1000 10000)
 */
public final class SnapshotBenchmark {

    private static final String TOKEN = "bench-admin-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {1000, 10000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Regions regions = Regions.load();
        IpLocator locator = IpLocator.load(regions);
        System.out.println("| domains | snapshot bytes | full sync (join → member applied) | one-domain change → member applied (median of 5) |");
        System.out.println("| ---: | ---: | ---: | ---: |");
        for (int n : sizes) {
            Path dir = Files.createTempDirectory("lodestar-snapbench");
            try (NodeMain control = start(dir.resolve("control"), regions, locator, "beijing.CN/ct");
                 NodeMain member = start(dir.resolve("member"), regions, locator, "shanghai.CN/cu")) {
                String c = "http://127.0.0.1:" + control.node().apiAddress().getPort();
                String m = "http://127.0.0.1:" + member.node().apiAddress().getPort();
                fill(c, n);
                long t0 = System.nanoTime();
                call(c, "POST", "/v1/nodes", "{\"url\":\"" + m + "\",\"token\":\"" + TOKEN + "\"}");
                await(() -> synced(control.node(), member.node()), 600);
                double full = (System.nanoTime() - t0) / 1e6;
                long bytes = Files.size(dir.resolve("control").resolve("snapshot.json"));
                List<Double> changes = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    long before = control.node().cluster().snapshotVersion();
                    long t1 = System.nanoTime();
                    call(c, "PUT", "/v1/domains/d0.example.com/status", "{\"ttl\":" + (100 + i) + "}");
                    await(() -> control.node().cluster().snapshotVersion() > before && synced(control.node(), member.node()), 120);
                    changes.add((System.nanoTime() - t1) / 1e6);
                }
                changes.sort(Comparator.naturalOrder());
                System.out.printf("| %,d | %,d (%.1f MB) | %.0f ms | %.0f ms |%n", n, bytes, bytes / 1e6, full, changes.get(2));
            }
        }
        System.exit(0);
    }

    private static boolean synced(Node control, Node member) {
        long v = control.cluster().snapshotVersion();
        return v > 0 && member.cluster().snapshotVersion() == v;
    }

    private static NodeMain start(Path data, Regions regions, IpLocator locator, String site) throws Exception {
        return NodeMain.start(NodeOptions.parse(new String[] {"--data", data.toString(), "--dns", "127.0.0.1:0",
            "--api", "127.0.0.1:0", "--admin-token", TOKEN, "--site", site}), regions, locator);
    }

    /** n domains, two endpoints and a wrr strategy each, written in bulk requests under the 1 MiB body limit. */
    private static void fill(String c, int n) throws Exception {
        for (int from = 0; from < n; from += 2000) {
            StringBuilder b = new StringBuilder("[");
            for (int i = from; i < Math.min(n, from + 2000); i++) {
                b.append(i > from ? "," : "").append("{\"domain\":\"d").append(i).append(".example.com\"}");
            }
            call(c, "POST", "/v1/domains", b.append("]").toString());
        }
        for (int from = 0; from < n; from += 2000) {
            StringBuilder b = new StringBuilder("[");
            for (int i = from; i < Math.min(n, from + 2000); i++) {
                for (int k = 1; k <= 2; k++) {
                    b.append(i > from || k > 1 ? "," : "").append("{\"domain\":\"d").append(i)
                            .append(".example.com\",\"endpoint\":\"10.").append(i / 250).append('.').append(i % 250)
                            .append('.').append(k).append("\",\"area\":\"").append(k == 1 ? "beijing.CN" : "guangdong.CN")
                            .append("\",\"isp\":\"ct\"}");
                }
            }
            call(c, "POST", "/v1/endpoints", b.append("]").toString());
        }
        for (int from = 0; from < n; from += 1000) {
            StringBuilder b = new StringBuilder("{");
            for (int i = from; i < Math.min(n, from + 1000); i++) {
                String p = "10." + (i / 250) + "." + (i % 250) + ".";
                b.append(i > from ? "," : "").append("\"d").append(i).append(".example.com\":{\"strategy\":{\"start\":\"r\","
                        + "\"rules\":[{\"type\":\"wrr\",\"area\":\"none.CN\",\"isp\":\"other\",\"name\":\"r\",\"enable\":true,"
                        + "\"items\":[{\"reference\":\"").append(p).append("1\",\"weight\":3},{\"reference\":\"").append(p)
                        .append("2\",\"weight\":1}]}]}}");
            }
            call(c, "POST", "/v1/strategys/update-or-create", b.append("}").toString());
        }
    }

    private static void call(String base, String method, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
    }

    private static void await(BooleanSupplier done, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not synced in " + seconds + " s");
            }
            Thread.sleep(2);
        }
    }
}
