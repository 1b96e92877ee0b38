package io.lodestar.engine.health;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.EndpointValue;
import io.lodestar.engine.model.Monitor;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * One endpoint as a probe sees it: where to connect and how, under its domain's monitor.
 *
 * @param domain   the owning domain, the Host header's default
 * @param endpoint the endpoint's key (its value text)
 */
public record ProbeTarget(String domain, String endpoint, EndpointValue value, Monitor monitor) {

    public ProbeTarget {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(monitor, "monitor");
    }

    public static ProbeTarget of(Endpoint e, Monitor m) {
        return new ProbeTarget(e.domain(), e.key(), e.value(), m);
    }

    /** The HTTP Host header: the monitor's host, else the domain name. May carry a {@code :port}. */
    public String hostHeader() {
        return monitor.host().orElse(domain);
    }

    /** The Host header without a port: the TLS server name (SNI) and the name the certificate must match. */
    public String serverName() {
        String h = hostHeader();
        if (h.startsWith("[")) {
            return h.substring(1, h.indexOf(']') > 0 ? h.indexOf(']') : h.length());
        }
        int colon = h.lastIndexOf(':');
        return colon > 0 && h.indexOf(':') == colon ? h.substring(0, colon) : h;
    }

    public Duration timeout() {
        return Duration.ofSeconds(monitor.timeout());
    }

    /** A CNAME endpoint needs a name lookup at probe time (blocking: never on the selector thread). */
    public boolean needsResolution() {
        return value instanceof EndpointValue.Cname;
    }

    /**
     * The address to probe: the endpoint's own, or its CNAME target resolved now through the JDK
     * resolver (which may block for the system resolver's timeout).
     */
    public InetAddress address() throws UnknownHostException {
        if (value instanceof EndpointValue.A) {
            return ((EndpointValue.A) value).address();
        }
        if (value instanceof EndpointValue.Aaaa) {
            return ((EndpointValue.Aaaa) value).address();
        }
        return InetAddress.getByName(value.text());
    }
}
