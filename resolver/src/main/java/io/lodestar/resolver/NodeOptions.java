package io.lodestar.resolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import io.lodestar.engine.model.IpText;
import io.lodestar.engine.strategy.UserTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The options of {@code ./lodestar node} (CONTRACT §1), parsed strictly: an unknown option, a
 * missing value or a bad address is an {@link IllegalArgumentException} whose message is the
 * one-line reason the command prints.
 */
public record NodeOptions(Path data, InetSocketAddress dns, InetSocketAddress api, String zone,
                          Optional<String> adminToken, String site, Optional<Path> zoneFile,
                          Optional<Path> tlsCert, Optional<Path> tlsKey, List<UserTerm.Cidr> axfrAllow,
                          Optional<String> advertise, Optional<InetAddress> probeFrom,
                          Optional<InetSocketAddress> httpDns, Optional<Path> peerCa) {

    public NodeOptions {
        axfrAllow = List.copyOf(axfrAllow);
    }

    public static final String USAGE = String.join("\n",
            "usage: ./lodestar node [options]",
            "  --config FILE         read options from FILE, one 'name = value' a line (names without --,",
            "                        # comments); options on the command line override the file's",
            "  --data DIR            SQLite database, snapshot, keys (default ~/.lodestar/node)",
            "  --dns HOST:PORT       DNS listener, UDP and TCP (default 127.0.0.1:15353)",
            "  --api HOST:PORT       management API (default 127.0.0.1:8053)",
            "  --zone NAME           access zone this node is authoritative for (default gtm.lodestar.test.)",
            "  --admin-token TOKEN   bootstrap token with role full (default: generated, written to DIR/admin.token)",
            "  --site AREA/ISP       where this node probes from, e.g. beijing.CN/ct (default none.CN/other)",
            "  --zone-file FILE      static records of the zone from a BIND master file",
            "  --tls-cert FILE       serve the API over HTTPS with this PEM certificate chain",
            "  --tls-key FILE        ... and this PEM (PKCS#8) private key",
            "  --axfr-allow CIDRS    clients allowed zone transfers (AXFR over TCP), e.g. 10.0.0.0/8,::1/128",
            "  --advertise URL       the API URL other nodes reach this one at (default: the --api address)",
            "  --probe-from ADDRESS  local address tcp and http(s) health probes connect from (a monitor host's uplink)",
            "  --http-dns HOST:PORT  HTTPDNS (GET /d?dn=&ip=) and DNS over HTTPS (/dns-query) listener (default: off)",
            "  --peer-ca FILE        PEM certificates (a CA, or nodes' self-signed ones) trusted when nodes call each other over HTTPS");

    private static final Pattern ZONE = Pattern.compile("([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\\.)*[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\\.?");
    private static final Pattern SITE = Pattern.compile("[a-z]+\\.(CN|abroad)/[a-z]+");

    /**
     * Reads the options: first those of {@code --config FILE} (wherever it stands), then the
     * command line's in order, so the command line overrides the file ({@code --axfr-allow} adds).
     */
    public static NodeOptions parse(String[] args) {
        Builder b = new Builder();
        List<String[]> pairs = new ArrayList<>();
        Optional<Path> config = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String opt = args[i];
            String value;
            int eq = opt.indexOf('=');
            if (opt.startsWith("--") && eq > 0) {
                value = opt.substring(eq + 1);
                opt = opt.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(opt.startsWith("--") ? opt + " needs a value" : "unexpected argument '" + opt + "'");
                }
                value = args[++i];
            }
            if (opt.equals("--config")) {
                if (config.isPresent()) {
                    throw new IllegalArgumentException("--config given twice");
                }
                config = Optional.of(Path.of(value));
            } else {
                pairs.add(new String[] {opt, value});
            }
        }
        if (config.isPresent()) {
            NodeConfigFile.apply(config.get(), b::set);
        }
        for (String[] p : pairs) {
            b.set(p[0], p[1]);
        }
        return b.build();
    }

    /** The options as they are read; {@link #set} checks one option's value. */
    private static final class Builder {
        private Path data = Path.of(System.getProperty("user.home"), ".lodestar", "node");
        private InetSocketAddress dns = address("--dns", "127.0.0.1:15353");
        private InetSocketAddress api = address("--api", "127.0.0.1:8053");
        private String zone = "gtm.lodestar.test.";
        private Optional<String> token = Optional.empty();
        private String site = "none.CN/other";
        private Optional<Path> zoneFile = Optional.empty();
        private Optional<Path> cert = Optional.empty();
        private Optional<Path> key = Optional.empty();
        private final List<UserTerm.Cidr> axfr = new ArrayList<>();
        private Optional<String> advertise = Optional.empty();
        private Optional<InetAddress> probeFrom = Optional.empty();
        private Optional<InetSocketAddress> httpDns = Optional.empty();
        private Optional<Path> peerCa = Optional.empty();

        void set(String opt, String value) {
            switch (opt) {
                case "--data":
                    data = Path.of(value);
                    break;
                case "--dns":
                    dns = address(opt, value);
                    break;
                case "--api":
                    api = address(opt, value);
                    break;
                case "--zone":
                    String z = value.toLowerCase(java.util.Locale.ROOT);
                    if (!ZONE.matcher(z).matches() || z.length() > 254) {
                        throw new IllegalArgumentException("--zone: '" + value + "' is not a domain name");
                    }
                    zone = z.endsWith(".") ? z : z + ".";
                    break;
                case "--admin-token":
                    if (value.length() < 16 || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                        throw new IllegalArgumentException("--admin-token: use at least 16 printable characters without spaces");
                    }
                    token = Optional.of(value);
                    break;
                case "--site":
                    if (!SITE.matcher(value).matches()) {
                        throw new IllegalArgumentException("--site: expected AREA/ISP like beijing.CN/ct, got '" + value + "'");
                    }
                    site = value;
                    break;
                case "--zone-file":
                    zoneFile = Optional.of(Path.of(value));
                    break;
                case "--tls-cert":
                    cert = Optional.of(Path.of(value));
                    break;
                case "--tls-key":
                    key = Optional.of(Path.of(value));
                    break;
                case "--peer-ca":
                    peerCa = Optional.of(Path.of(value));
                    break;
                case "--http-dns":
                    httpDns = Optional.of(address(opt, value));
                    break;
                case "--axfr-allow":
                    for (String c : value.split(",")) {
                        axfr.add(cidr(opt, c.trim()));
                    }
                    break;
                case "--advertise":
                    if (!value.matches("https?://[^/\\s]+/?")) {
                        throw new IllegalArgumentException("--advertise: expected http://HOST:PORT or https://HOST:PORT, got '" + value + "'");
                    }
                    advertise = Optional.of(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                    break;
                case "--probe-from":
                    probeFrom = Optional.of(address(opt, value + ":0").getAddress());
                    break;
                default:
                    throw new IllegalArgumentException("unknown option '" + opt + "' (see ./lodestar help)");
            }
        }

        NodeOptions build() {
            if (cert.isPresent() != key.isPresent()) {
                throw new IllegalArgumentException("--tls-cert and --tls-key go together");
            }
            return new NodeOptions(data, dns, api, zone, token, site, zoneFile, cert, key, axfr, advertise, probeFrom, httpDns, peerCa);
        }
    }

    /** {@code ADDRESS/PREFIX} (a bare address is a /32 or /128), host bits clear. */
    static UserTerm.Cidr cidr(String opt, String text) {
        int slash = text.indexOf('/');
        Optional<byte[]> a = IpText.parse(slash < 0 ? text : text.substring(0, slash));
        if (a.isEmpty()) {
            throw new IllegalArgumentException(opt + ": '" + text + "' is not an address or CIDR");
        }
        int max = a.get().length * 8;
        try {
            int prefix = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
            return new UserTerm.Cidr(a.get(), prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(opt + ": '" + text + "' is not a valid CIDR (prefix 0–" + max
                    + ", host bits clear)");
        }
    }

    /** {@code HOST:PORT} or {@code [IPv6]:PORT}; the host must be a literal address (no name lookups). */
    static InetSocketAddress address(String opt, String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(opt + ": expected HOST:PORT, got '" + value + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + ": '" + value.substring(colon + 1) + "' is not a port number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(opt + ": port must be 0–65535, got " + port);
        }
        if (!host.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException(opt + ": '" + host + "' is not an IP address");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(opt + ": '" + host + "' is not an IP address");
        }
    }
}
