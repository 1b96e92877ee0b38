package io.lodestar.engine.validate;

import io.lodestar.engine.model.Monitor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A monitor as a user typed it (CONTRACT §5). Fields left null take the seed's defaults.
 */
public record MonitorInput(String protocol, Integer port, String path, String host, String expectCodes,
                           Integer timeout, Integer interval, Integer threshold, Integer window,
                           Integer minFailures, String method, String bodyContains, Boolean verifyTls) {

    public static final int MAX_PATH = 255;
    private static final Pattern CODE = Pattern.compile("[1-5](xx|[0-9]{2})");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "OPTIONS");

    public Optional<Monitor> toMonitor(String p, Errors errors) {
        int before = errors.list().size();
        Monitor d = Monitor.defaults();
        Optional<Monitor.Protocol> proto = protocol == null ? Optional.of(d.protocol()) : Monitor.Protocol.fromWire(protocol);
        if (proto.isEmpty()) {
            errors.add(p + ".protocol", "protocol.unknown", "protocol must be ping, tcp, http or https, was '" + protocol + "'");
        }
        int defaultPort = proto.map(x -> x == Monitor.Protocol.HTTPS ? 443 : 80).orElse(80);
        int po = port == null ? defaultPort : port;
        if (po < 1 || po > 65535) {
            errors.add(p + ".port", "port.range", "port must be 1–65535, was " + po);
        }
        String pa = path == null ? "/" : path;
        if (pa.isEmpty() || pa.length() > MAX_PATH) {
            errors.add(p + ".path", "path.length", "path must be 1–" + MAX_PATH + " characters, was " + pa.length());
        } else if (!pa.startsWith("/")) {
            errors.add(p + ".path", "path.slash", "path must start with '/', was '" + pa + "'");
        } else if (pa.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            errors.add(p + ".path", "path.chars", "path must not contain spaces or control characters");
        }
        Optional<String> h = host == null || host.isBlank() ? Optional.empty() : Optional.of(host.trim());
        if (h.isPresent() && !HOST.matcher(h.get()).matches()) {
            errors.add(p + ".host", "host.invalid", "'" + host + "' is not a valid Host header");
        }
        List<String> codes = expectCodes == null || expectCodes.isBlank() ? List.of()
                : Arrays.stream(expectCodes.split("[,;\\s]+")).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        for (String c : codes) {
            if (!CODE.matcher(c).matches()) {
                errors.add(p + ".expectCodes", "expectCodes.invalid", "'" + c + "' is not a status code (e.g. 200) or class (e.g. 2xx)");
            }
        }
        int iv = range(interval, d.interval(), 1, 86_400, p + ".interval", errors);
        // an unnamed timeout follows a short interval down (interval 5 s → timeout 5 s, not 10)
        int to = range(timeout, Math.min(d.timeout(), Math.max(1, iv)), 1, 60, p + ".timeout", errors);
        int th = range(threshold, d.threshold(), 0, 100, p + ".threshold", errors);
        int wi = range(window, d.window(), 1, 100, p + ".window", errors);
        int mf = range(minFailures, d.minFailures(), 1, 100, p + ".minFailures", errors);
        if (mf > wi) {
            errors.add(p + ".minFailures", "minFailures.window", "minFailures (" + mf + ") cannot exceed window (" + wi + ")");
        }
        if (to > iv) {
            errors.add(p + ".timeout", "timeout.interval", "timeout (" + to + " s) cannot exceed interval (" + iv + " s)");
        }
        String m = method == null ? "GET" : method.trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            errors.add(p + ".method", "method.unknown", "method must be one of " + METHODS + ", was '" + method + "'");
        }
        if (errors.list().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Monitor(proto.get(), po, pa, h, codes, to, iv, th, wi, mf, m,
                bodyContains == null || bodyContains.isEmpty() ? Optional.empty() : Optional.of(bodyContains),
                verifyTls == null || verifyTls));
    }

    private static int range(Integer v, int dflt, int min, int max, String path, Errors errors) {
        int x = v == null ? dflt : v;
        if (x < min || x > max) {
            String field = path.substring(path.lastIndexOf('.') + 1);
            errors.add(path, field + ".range", field + " must be " + min + "–" + max + ", was " + x);
        }
        return x;
    }
}
