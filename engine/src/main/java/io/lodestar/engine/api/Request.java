package io.lodestar.engine.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One API request after routing and authentication. */
public record Request(String requestId, String method, String path, Map<String, String> pathParams,
                      Map<String, List<String>> query, byte[] body, Principal principal) {

    /** A path parameter ({@code {domain}} in the route template). */
    public String param(String name) {
        return pathParams.get(name);
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public boolean hasBody() {
        return body.length > 0;
    }
}
