package io.lodestar.engine.api;

import io.lodestar.engine.node.Node;
import io.lodestar.engine.testing.Fixtures;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A real node on loopback (API on an ephemeral port, SQLite in a temp folder) and an HTTP client for it. */
public final class NodeFixture implements AutoCloseable {

    public static final String ADMIN = "test-admin-secret";

    public final Node node;
    final Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public NodeFixture(Path dir) throws Exception {
        this.dir = dir;
        this.node = Node.start(new Node.Config(dir, "gtm.lodestar.test.", new InetSocketAddress("127.0.0.1", 0),
                Optional.of(ADMIN), "none.CN/other", Optional.empty(), Optional.empty(), Optional.empty()),
                Fixtures.REGIONS, io.lodestar.resources.ip.IpLocator.load(Fixtures.REGIONS), (text, zone) -> List.of(), new PrometheusRegistry());
    }

    public URI uri(String path) {
        InetSocketAddress a = node.apiAddress();
        return URI.create("http://127.0.0.1:" + a.getPort() + path);
    }

    HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        return call(method, path, body, ADMIN);
    }

    HttpResponse<String> call(String method, String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("x-bce-date", "2022-11-18T06:22:24Z");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Every row of every table, read through a second connection: what "the database" holds. */
    String dump() throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lodestar.db"))) {
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                if (t.equals("tokens")) {
                    continue; // last_used_at changes on every authenticated call
                }
                sb.append("== ").append(t).append('\n');
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + t + " ORDER BY 1")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            sb.append(rs.getString(i)).append('|');
                        }
                        sb.append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        node.close();
    }
}
