package io.lodestar.engine.health;

import io.lodestar.engine.model.EndpointValue;
import io.lodestar.engine.model.Monitor;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/** Monitors and targets for tests, on loopback. */
final class Targets {

    static final String DOMAIN = "www.example.test";

    private Targets() {
    }

    static Monitor monitor(Monitor.Protocol p, int port) {
        return new M(p, port).build();
    }

    /** A monitor with the test's defaults (timeout 1 s, interval 1 s, window 3, minFailures 2), field by field. */
    static final class M {
        Monitor.Protocol protocol;
        int port;
        String path = "/";
        Optional<String> host = Optional.empty();
        List<String> codes = List.of();
        int interval = 1;
        int window = 3;
        int minFailures = 2;
        String method = "GET";
        Optional<String> body = Optional.empty();
        boolean verifyTls = true;

        M(Monitor.Protocol protocol, int port) {
            this.protocol = protocol;
            this.port = port;
        }

        M path(String p) {
            path = p;
            return this;
        }

        M host(String h) {
            host = Optional.of(h);
            return this;
        }

        M codes(String... c) {
            codes = List.of(c);
            return this;
        }

        M body(String b) {
            body = Optional.of(b);
            return this;
        }

        M method(String m) {
            method = m;
            return this;
        }

        M verifyTls(boolean v) {
            verifyTls = v;
            return this;
        }

        Monitor build() {
            return new Monitor(protocol, port, path, host, codes, 1, interval, 80, window, minFailures, method, body, verifyTls);
        }
    }

    static EndpointValue loopback() {
        try {
            return new EndpointValue.A((Inet4Address) InetAddress.getByName("127.0.0.1"));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static ProbeTarget target(Monitor m) {
        return new ProbeTarget(DOMAIN, "127.0.0.1", loopback(), m);
    }
}
