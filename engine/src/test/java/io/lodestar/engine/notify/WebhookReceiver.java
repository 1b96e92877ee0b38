package io.lodestar.engine.notify;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real HTTP server on loopback that records every webhook POST and answers the codes a test asks for. */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: headers (lower-case names, first value), raw body, arrival on the nano clock. */
    record Received(Map<String, String> headers, byte[] body, long nanos) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedDeque<Integer> answers = new ConcurrentLinkedDeque<>();
    private volatile int defaultAnswer = 200;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/hook", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** The next requests get these codes, in order; after them, {@code then}. */
    WebhookReceiver answer(int then, int... codes) {
        for (int c : codes) {
            answers.addLast(c);
        }
        defaultAnswer = then;
        return this;
    }

    /** Requests wait before they are answered until the returned latch is counted down. */
    CountDownLatch hold() {
        gate = new CountDownLatch(1);
        return gate;
    }

    Received next() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            fail("no webhook arrived within 10 s");
        }
        return r;
    }

    /** Waits a little and asserts nothing more arrived. */
    void assertNoMore(Duration wait) throws InterruptedException {
        Received r = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (r != null) {
            fail("unexpected webhook: " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        long at = System.nanoTime();
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        received.add(new Received(headers, body, at));
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Integer code = answers.pollFirst();
        ex.sendResponseHeaders(code == null ? defaultAnswer : code, -1);
        ex.close();
    }

    @Override
    public void close() {
        gate.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
