package io.lodestar.engine.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Node-to-node calls: bearer token, short timeouts, bytes in and out. */
final class PeerClient {

    /** A peer's answer. */
    record Reply(int status, byte[] body) {
        boolean ok() {
            return status / 100 == 2;
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    /** {@code tls}: how HTTPS peers' certificates are checked; empty: the JVM's trust store. */
    PeerClient(Duration timeout, java.util.Optional<javax.net.ssl.SSLContext> tls) {
        this.timeout = timeout;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        tls.ifPresent(b::sslContext);
        this.http = b.build();
    }

    Reply call(String method, String baseUrl, String path, String token, byte[] body) throws IOException {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=utf-8")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad URL " + baseUrl + ": " + e.getMessage(), e);
        }
    }

    /** The {@code message} of an API error body, else the body's first 200 characters. */
    static String reason(Reply r) {
        String t = r.text();
        int i = t.indexOf("\"message\":\"");
        if (i >= 0) {
            int end = t.indexOf('"', i + 11);
            while (end > 0 && t.charAt(end - 1) == '\\') {
                end = t.indexOf('"', end + 1);
            }
            if (end > 0) {
                return t.substring(i + 11, end);
            }
        }
        return "HTTP " + r.status() + (t.isEmpty() ? "" : ": " + t.substring(0, Math.min(200, t.length())));
    }
}
