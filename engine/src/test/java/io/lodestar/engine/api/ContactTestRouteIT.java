package io.lodestar.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.lodestar.engine.model.Contact;
import io.lodestar.engine.notify.Limits;
import io.lodestar.engine.notify.Notifier;
import io.lodestar.engine.store.Database;
import io.lodestar.engine.store.Migrations;
import io.lodestar.engine.store.Store;
import io.lodestar.engine.store.TokenRole;
import io.lodestar.engine.testing.Fixtures;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/contacts/{name}/test} over real HTTP: the API server, a store, and a webhook receiver. */
class ContactTestRouteIT {

    @TempDir
    Path dir;

    final AtomicInteger hooks = new AtomicInteger();
    Database db;
    Notifier notifier;
    HttpServer receiver;
    ApiServer api;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        receiver.createContext("/hook", ex -> {
            ex.getRequestBody().readAllBytes();
            hooks.incrementAndGet();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        db = Database.open(dir.resolve("lodestar.db"), Migrations.builtIn(), Clock.systemUTC());
        Store store = new Store(db, Fixtures.SEED_JSON, Clock.systemUTC());
        store.transaction(tx -> {
            tx.contacts().put(new Contact("ops", Optional.empty(), Optional.empty(),
                    Optional.of("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")));
            return null;
        });
        notifier = new Notifier(store, Optional.empty(), "secret", Limits.defaults(), Clock.systemUTC(),
                new SplittableRandom(1), new PrometheusRegistry());
        Router router = new Router();
        ContactRoutes.addSendTest(router, notifier);
        api = ApiServer.start(new InetSocketAddress("127.0.0.1", 0), Optional.empty(), router,
                token -> Optional.of(new Principal(token, "writer".equals(token) ? TokenRole.WRITE : TokenRole.READ)),
                new ApiJson().mapper());
    }

    @AfterEach
    void stop() {
        api.close();
        notifier.close();
        db.close();
        receiver.stop(0);
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.address().getPort() + path))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sendTestAnswersEachChannelsOutcome() throws Exception {
        HttpResponse<String> r = post("/v1/contacts/ops/test", "writer");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode channel = new ObjectMapper().readTree(r.body()).get("channels").get(0);
        assertEquals("webhook", channel.get("channel").asText());
        assertEquals(true, channel.get("ok").asBoolean());
        assertEquals("HTTP 204", channel.get("detail").asText());
        assertEquals(1, hooks.get());
    }

    @Test
    void sendTestNeedsWriteRoleAndAKnownContact() throws Exception {
        assertEquals(403, post("/v1/contacts/ops/test", "reader").statusCode());
        assertEquals(404, post("/v1/contacts/nobody/test", "writer").statusCode());
        assertEquals(0, hooks.get());
    }
}
