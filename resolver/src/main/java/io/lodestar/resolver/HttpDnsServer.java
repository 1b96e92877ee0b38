package io.lodestar.resolver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lodestar.engine.model.IpText;
import io.lodestar.resolver.wire.HttpDnsCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * DNS for apps over HTTP (IGTM's 秒级容灾 through HTTPDNS), answered by the same query pipeline as
 * UDP and TCP, so the answers are the same plans, health and client location:
 * <ul>
 *   <li>{@code GET /d?dn=NAME&ip=CLIENT_IP[&type=A|AAAA]}: JSON {@code {dn, ip, type, rcode, ttl, ips, cnames}};
 *       {@code ip} is located as the query's Client Subnet (default: the HTTP client's address); a
 *       name outside the zone is taken as a domain and asked at its access name.</li>
 *   <li>{@code /dns-query}: DNS over HTTPS (RFC 8484), {@code GET ?dns=BASE64URL} and {@code POST}
 *       of {@code application/dns-message}; the reply is the pipeline's bytes with
 *       {@code Cache-Control: max-age} = the smallest TTL (§5.1).</li>
 * </ul>
 * Public like DNS itself (no token). Put TLS in front for DoH proper; the wire format is the RFC's.
 */
public final class HttpDnsServer implements AutoCloseable {

    static final String DNS_MESSAGE = "application/dns-message";
    private static final int MAX_MESSAGE = 65_535;

    /** Answers one DNS message from a client (the resolver's pipeline, over the TCP size limit). */
    @FunctionalInterface
    public interface Answerer {
        byte[] answer(byte[] query, InetAddress client);
    }

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final Answerer dns;
    private final String zone;

    private HttpDnsServer(HttpServer server, Answerer dns, String zone) {
        this.server = server;
        this.dns = dns;
        this.zone = zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
        this.pool = new ThreadPoolExecutor(2, 8, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024), r -> {
            Thread t = new Thread(r, "lodestar-httpdns");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(pool);
        server.createContext("/d", this::httpDns);
        server.createContext("/dns-query", this::doh);
    }

    public static HttpDnsServer start(InetSocketAddress address, Answerer dns, String zone) throws IOException {
        HttpServer s;
        try {
            s = HttpServer.create(address, 128);
        } catch (BindException e) {
            throw new BindException("http-dns " + address.getHostString() + ":" + address.getPort() + ": " + e.getMessage());
        }
        HttpDnsServer h = new HttpDnsServer(s, dns, zone);
        s.start();
        return h;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void httpDns(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("GET") || !ex.getRequestURI().getPath().equals("/d")) {
                json(ex, 405, error("only GET /d?dn=NAME&ip=CLIENT_IP"));
                return;
            }
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            String dn = q.getOrDefault("dn", "").toLowerCase(Locale.ROOT);
            String type = q.getOrDefault("type", "A").toUpperCase(Locale.ROOT);
            if (dn.isEmpty() || !(type.equals("A") || type.equals("AAAA"))) {
                json(ex, 400, error("dn is required; type is A or AAAA"));
                return;
            }
            InetAddress client = ex.getRemoteAddress().getAddress();
            if (q.containsKey("ip")) {
                Optional<byte[]> ip = IpText.parse(q.get("ip"));
                if (ip.isEmpty()) {
                    json(ex, 400, error("ip: '" + q.get("ip") + "' is not an IP address"));
                    return;
                }
                client = InetAddress.getByAddress(ip.get());
            }
            String name = dn.endsWith(".") ? dn.substring(0, dn.length() - 1) : dn;
            if (!name.equals(zone) && !name.endsWith("." + zone)) {
                name = name + "." + zone; // the domain's access name
            }
            byte[] query;
            try {
                query = HttpDnsCodec.query(name, type, client);
            } catch (IllegalArgumentException e) {
                json(ex, 400, error("dn: " + e.getMessage()));
                return;
            }
            byte[] reply = dns.answer(query, client);
            if (reply == null) {
                json(ex, 502, error("no answer"));
                return;
            }
            HttpDnsCodec.Answer a = HttpDnsCodec.read(reply);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("dn", dn);
            out.put("ip", client.getHostAddress());
            out.put("type", type);
            out.put("rcode", a.rcode());
            out.put("ttl", a.ttl());
            out.put("ips", a.addresses());
            out.put("cnames", a.cnames());
            json(ex, 200, out);
        }
    }

    private void doh(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] query;
            if (ex.getRequestMethod().equals("GET")) {
                String dns = query(ex.getRequestURI().getRawQuery()).get("dns");
                try {
                    query = dns == null ? null : Base64.getUrlDecoder().decode(dns);
                } catch (IllegalArgumentException e) {
                    query = null;
                }
                if (query == null) {
                    plain(ex, 400, "dns: a base64url DNS message is required (RFC 8484 §4.1)");
                    return;
                }
            } else if (ex.getRequestMethod().equals("POST")) {
                String ct = ex.getRequestHeaders().getFirst("Content-Type");
                if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith(DNS_MESSAGE)) {
                    plain(ex, 415, "Content-Type must be " + DNS_MESSAGE);
                    return;
                }
                query = body(ex.getRequestBody());
                if (query == null) {
                    plain(ex, 413, "a DNS message is at most 65535 bytes");
                    return;
                }
            } else {
                plain(ex, 405, "GET or POST");
                return;
            }
            byte[] reply = dns.answer(query, ex.getRemoteAddress().getAddress());
            if (reply == null) {
                plain(ex, 400, "not a DNS query");
                return;
            }
            ex.getResponseHeaders().set("Content-Type", DNS_MESSAGE);
            ex.getResponseHeaders().set("Cache-Control", "max-age=" + HttpDnsCodec.minTtl(reply));
            ex.sendResponseHeaders(200, reply.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    private static byte[] body(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > MAX_MESSAGE) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            q.putIfAbsent(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private static Map<String, Object> error(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        return m;
    }

    private static void json(HttpExchange ex, int status, Map<String, Object> body) throws IOException {
        byte[] b = Json.write(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static void plain(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = (text + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    /** Jackson, which the engine brings. */
    private static final class Json {
        private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

        static String write(Object o) throws IOException {
            return MAPPER.writeValueAsString(o);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdown();
    }
}
