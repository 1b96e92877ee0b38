package io.lodestar.resolver.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tiny HTTP servers, one per loopback address, all on the same port (a monitor has one port per
 * domain), answering {@code 200 lodestar demo} so the embedded node's health checks are real.
 */
final class DemoServers implements AutoCloseable {

    private final Map<String, HttpServer> running = new LinkedHashMap<>();
    private int port;

    private DemoServers(int port) {
        this.port = port;
    }

    /** Binds every address on {@code port}, or on a fresh common port when {@code port} is 0 or busy. */
    static DemoServers start(List<String> addresses, int port) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 8; attempt++) {
            int p = attempt == 0 ? port : 0;
            DemoServers s = new DemoServers(p);
            try {
                return s.bindAll(addresses);
            } catch (BindException e) {
                last = e;
                s.close();
            }
        }
        throw last;
    }

    private DemoServers bindAll(List<String> addresses) throws IOException {
        for (String a : addresses) {
            HttpServer h = server(a, port);
            port = h.getAddress().getPort();
            running.put(a, h);
        }
        return this;
    }

    private static HttpServer server(String address, int port) throws IOException {
        HttpServer h = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 16);
        byte[] body = "lodestar demo\n".getBytes(StandardCharsets.UTF_8);
        h.createContext("/", x -> {
            x.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        h.start();
        return h;
    }

    int port() {
        return port;
    }

    Set<String> addresses() {
        return running.keySet();
    }

    /** Stops one address's server: its endpoint will fail its health checks. */
    synchronized boolean stop(String address) {
        HttpServer h = running.remove(address);
        if (h != null) {
            h.stop(0);
        }
        return h != null;
    }

    /** Starts one address's server again on the common port. */
    synchronized void restart(String address) throws IOException {
        if (!running.containsKey(address)) {
            running.put(address, server(address, port));
        }
    }

    @Override
    public synchronized void close() {
        running.values().forEach(h -> h.stop(0));
        running.clear();
    }
}
