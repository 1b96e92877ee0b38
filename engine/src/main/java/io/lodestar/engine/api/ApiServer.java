package io.lodestar.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.lodestar.engine.config.NotFound;
import io.lodestar.engine.validate.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management API's HTTP(S) transport on the JDK's built-in server: body limits, bearer-token
 * authentication, role checks, routing, and the error shape {@code {requestId, code, message}}.
 * Handlers never see an unauthenticated or oversized request.
 */
public final class ApiServer implements AutoCloseable {

    /** Resolves a bearer token to who holds it. */
    @FunctionalInterface
    public interface Authenticator {
        Optional<Principal> authenticate(String token);
    }

    public static final int MAX_BODY = 1 << 20;
    private static final long MAX_DRAIN = 16L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final HttpServer server;
    private final Router router;
    private final Authenticator auth;
    private final ObjectMapper json;
    private final ThreadPoolExecutor pool;

    private ApiServer(HttpServer server, Router router, Authenticator auth, ObjectMapper json) {
        this.server = server;
        this.router = router;
        this.auth = auth;
        this.json = json;
        this.pool = new ThreadPoolExecutor(2, 8, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                r -> {
                    Thread t = new Thread(r, "lodestar-api");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    /**
     * Binds and starts. {@code tls} present → HTTPS with that context.
     *
     * @throws IOException with a message naming the address when it cannot be bound
     */
    public static ApiServer start(InetSocketAddress address, Optional<SSLContext> tls, Router router,
                                  Authenticator auth, ObjectMapper json) throws IOException {
        HttpServer s;
        try {
            if (tls.isPresent()) {
                HttpsServer https = HttpsServer.create(address, 128);
                https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
                s = https;
            } else {
                s = HttpServer.create(address, 128);
            }
        } catch (BindException e) {
            throw new BindException("api " + address.getHostString() + ":" + address.getPort() + ": " + e.getMessage());
        }
        ApiServer api = new ApiServer(s, router, auth, json);
        s.start();
        return api;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(1);
        pool.shutdown();
    }

    private void handle(HttpExchange ex) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try {
            Response r = dispatch(ex, requestId);
            send(ex, r.status(), r.text() != null ? r.text().getBytes(StandardCharsets.UTF_8)
                    : json.writeValueAsBytes(r.json()), r.contentType(), requestId);
        } catch (ApiException e) {
            sendError(ex, requestId, e.status(), e.code(), e.getMessage());
        } catch (ValidationException e) {
            ApiException a = ApiException.of(e);
            sendError(ex, requestId, a.status(), a.code(), a.getMessage());
        } catch (NotFound e) {
            sendError(ex, requestId, 404, "NotFound", e.getMessage());
        } catch (Exception e) {
            LOG.error("request {} {} {} failed", requestId, ex.getRequestMethod(), ex.getRequestURI(), e);
            sendError(ex, requestId, 500, "InternalError", "internal error; see the node's log for request " + requestId);
        } finally {
            ex.close();
        }
    }

    private Response dispatch(HttpExchange ex, String requestId) throws Exception {
        URI uri = ex.getRequestURI();
        String path = uri.getRawPath();
        String method = ex.getRequestMethod();
        List<String> allowed = new ArrayList<>();
        Optional<Router.Match> match = router.match(method, path, allowed);
        Principal who = authenticate(ex);
        if (match.isEmpty()) {
            if (!allowed.isEmpty()) {
                throw new ApiException(405, "MethodNotAllowed", method + " " + path + ": allowed " + allowed);
            }
            throw ApiException.notFound("no such path: " + method + " " + path);
        }
        Router.Route route = match.get().route();
        if (!who.may(route.needs())) {
            throw new ApiException(403, "AccessDenied", "token '" + who.name() + "' has role " + who.role().wire()
                    + "; " + method + " " + route.template() + " needs " + route.needs().wire());
        }
        byte[] body = readBody(ex, router.bodyLimit(route));
        Request req = new Request(requestId, method, path, match.get().params(), query(uri.getRawQuery()), body, who);
        return route.handler().handle(req);
    }

    private Principal authenticate(HttpExchange ex) throws ApiException {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7) || h.length() <= 7) {
            throw new ApiException(401, "Unauthorized", "Authorization: Bearer TOKEN is required");
        }
        return auth.authenticate(h.substring(7).trim())
                .orElseThrow(() -> new ApiException(401, "Unauthorized", "unknown or revoked token"));
    }

    /**
     * Reads the body up to the route's limit ({@link #MAX_BODY} unless it says more). A larger body is refused with 413; up to
     * {@link #MAX_DRAIN} of it is read and discarded first so that the client can read the answer
     * (a client still sending when the connection closes sees a broken pipe, not the 413).
     */
    private static byte[] readBody(HttpExchange ex, int limit) throws IOException, ApiException {
        try (InputStream in = ex.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total <= limit) {
                    out.write(buf, 0, n);
                } else if (total > Math.max(MAX_DRAIN, limit)) {
                    break;
                }
            }
            if (total > limit) {
                throw new ApiException(413, "BodyTooLarge", "request body is over " + limit + " bytes");
            }
            return out.toByteArray();
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    private void sendError(HttpExchange ex, String requestId, int status, String code, String message) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("code", code);
        body.put("message", message);
        send(ex, status, json.writeValueAsBytes(body), "application/json; charset=utf-8", requestId);
    }

    private static void send(HttpExchange ex, int status, byte[] body, String type, String requestId) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Request-Id", requestId);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
