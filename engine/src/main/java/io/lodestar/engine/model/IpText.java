package io.lodestar.engine.model;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Literal IP address text, parsed strictly and never through a name lookup (so {@code "localhost"}
 * or {@code "1.1"} are refused rather than resolved or guessed).
 */
public final class IpText {

    private IpText() {
    }

    /** Four decimal octets 0–255 without leading zeros. */
    public static Optional<byte[]> parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return Optional.empty();
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                char c = p.charAt(k);
                if (c < '0' || c > '9') {
                    return Optional.empty();
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return Optional.empty();
            }
            b[i] = (byte) v;
        }
        return Optional.of(b);
    }

    /** RFC 4291 §2.2 text forms: full, {@code ::}-compressed, and with a dotted IPv4 tail. */
    public static Optional<byte[]> parseV6(String s) {
        if (s.isEmpty() || s.indexOf(':') < 0 || s.indexOf('%') >= 0) {
            return Optional.empty();
        }
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
            return Optional.empty();
        }
        String head = dc >= 0 ? s.substring(0, dc) : s;
        String tail = dc >= 0 ? s.substring(dc + 2) : "";
        int[] h = groups(head, dc < 0 || tail.isEmpty());
        int[] t = dc >= 0 ? groups(tail, true) : new int[0];
        if (h == null || t == null) {
            return Optional.empty();
        }
        int n = h.length + t.length;
        if ((dc < 0 && n != 8) || (dc >= 0 && n > 7)) {
            return Optional.empty();
        }
        byte[] b = new byte[16];
        for (int i = 0; i < h.length; i++) {
            b[2 * i] = (byte) (h[i] >> 8);
            b[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < t.length; i++) {
            int g = 8 - t.length + i;
            b[2 * g] = (byte) (t[i] >> 8);
            b[2 * g + 1] = (byte) t[i];
        }
        return Optional.of(b);
    }

    /** 16-bit groups of one side of {@code ::}; the last may be a dotted IPv4 address if allowed. */
    private static int[] groups(String part, boolean v4TailAllowed) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] g = part.split(":", -1);
        int extra = 0;
        String last = g[g.length - 1];
        byte[] v4 = null;
        if (last.indexOf('.') >= 0) {
            if (!v4TailAllowed) {
                return null;
            }
            v4 = parseV4(last).orElse(null);
            if (v4 == null) {
                return null;
            }
            extra = 1;
        }
        int[] out = new int[g.length + extra];
        for (int i = 0; i < g.length - (v4 != null ? 1 : 0); i++) {
            String x = g[i];
            if (x.isEmpty() || x.length() > 4) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < x.length(); k++) {
                int d = Character.digit(x.charAt(k), 16);
                if (d < 0) {
                    return null;
                }
                v = v * 16 + d;
            }
            out[i] = v;
        }
        if (v4 != null) {
            out[g.length - 1] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
            out[g.length] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        }
        return out;
    }

    /** Parses either family. */
    public static Optional<byte[]> parse(String s) {
        return s.indexOf(':') >= 0 ? parseV6(s) : parseV4(s);
    }

    /** An address object for raw bytes, keeping 16-byte addresses IPv6 (IPv4-mapped included). */
    public static InetAddress address(byte[] bytes) {
        try {
            if (bytes.length == 16) {
                return Inet6Address.getByAddress(null, bytes, -1);
            }
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address length " + bytes.length, e);
        }
    }

    /** RFC 5952 canonical text: lower case, longest run of zero groups (≥ 2) compressed. */
    public static String ipv6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
