package io.lodestar.engine.api;

import io.lodestar.engine.store.TokenRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes {@code METHOD /path/{param}} templates to handlers, each with the role it needs.
 * The table is built once at start-up; matching is a scan of a few dozen patterns.
 */
public final class Router {

    /** A request handler; checked exceptions other than {@link ApiException} are server errors. */
    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws Exception;
    }

    /** One route. */
    public record Route(String method, String template, Pattern pattern, List<String> names, TokenRole needs,
                        Handler handler) {
    }

    /** A match: the route and the decoded path parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Integer> bodyLimits = new java.util.HashMap<>();

    /** Lets requests to this template carry up to {@code bytes} (default {@link ApiServer#MAX_BODY}). */
    public Router bodyLimit(String template, int bytes) {
        bodyLimits.put(template, bytes);
        return this;
    }

    /** The largest body a route takes. */
    public int bodyLimit(Route r) {
        return bodyLimits.getOrDefault(r.template(), ApiServer.MAX_BODY);
    }

    public Router add(String method, String template, TokenRole needs, Handler handler) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), names, needs, handler));
        return this;
    }

    /** The route for a method and path; empty if none. {@code allowed} collects methods of path matches. */
    public Optional<Match> match(String method, String path, List<String> allowed) {
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            if (!r.method().equals(method)) {
                allowed.add(r.method());
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < r.names().size(); i++) {
                params.put(r.names().get(i), java.net.URLDecoder.decode(m.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
            return Optional.of(new Match(r, params));
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
