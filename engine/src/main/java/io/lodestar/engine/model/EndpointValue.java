package io.lodestar.engine.model;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an endpoint points at: an IPv4 address, an IPv6 address or a host name for a CNAME. */
public sealed interface EndpointValue permits EndpointValue.A, EndpointValue.Aaaa, EndpointValue.Cname {

    EndpointType type();

    /** Canonical text: dotted quad, RFC 5952 IPv6, or a lower-case name without the final dot. */
    String text();

    /** An IPv4 endpoint. */
    record A(Inet4Address address) implements EndpointValue {
        public A {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public EndpointType type() {
            return EndpointType.A;
        }

        @Override
        public String text() {
            return address.getHostAddress();
        }
    }

    /** An IPv6 endpoint. */
    record Aaaa(Inet6Address address) implements EndpointValue {
        public Aaaa {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public EndpointType type() {
            return EndpointType.AAAA;
        }

        @Override
        public String text() {
            return IpText.ipv6(address.getAddress());
        }
    }

    /** A CNAME endpoint (a CDN's or origin's host name). */
    record Cname(String name) implements EndpointValue {
        private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

        public Cname {
            Objects.requireNonNull(name, "name");
            if (!valid(name)) {
                throw new IllegalArgumentException("not a host name: " + name);
            }
        }

        static boolean valid(String name) {
            if (name.isEmpty() || name.length() > 253) {
                return false;
            }
            for (String label : name.split("\\.", -1)) {
                if (!LABEL.matcher(label).matches()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public EndpointType type() {
            return EndpointType.CNAME;
        }

        @Override
        public String text() {
            return name;
        }
    }

    /**
     * Parses user text for the given type. Empty when the text is not a valid value of that type;
     * addresses are parsed literally (never resolved through DNS).
     */
    static Optional<EndpointValue> parse(EndpointType type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        switch (type) {
            case A:
                return IpText.parseV4(t).map(bytes -> new A((Inet4Address) IpText.address(bytes)));
            case AAAA:
                return IpText.parseV6(t).map(bytes -> {
                    InetAddress a = IpText.address(bytes);
                    return a instanceof Inet6Address ? new Aaaa((Inet6Address) a) : null;
                });
            case CNAME:
                String n = t.toLowerCase(Locale.ROOT);
                if (n.endsWith(".")) {
                    n = n.substring(0, n.length() - 1);
                }
                return Cname.valid(n) && n.contains(".") ? Optional.of(new Cname(n)) : Optional.empty();
            default:
                throw new AssertionError(type);
        }
    }
}
