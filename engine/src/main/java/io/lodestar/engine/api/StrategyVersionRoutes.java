package io.lodestar.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestar.engine.config.Services;
import io.lodestar.engine.config.StrategyService;
import io.lodestar.engine.store.StrategyRepo;
import io.lodestar.engine.store.TokenRole;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strategy versions and the draft recommendation (Lodestar's additions beside the seed's strategy
 * routes): every published strategy is kept; any can be read and published again (rollback). And
 * the tree a domain is really answered by ({@code …/strategy/effective}): its providers' or pools'
 * when they replace the stored strategy.
 */
final class StrategyVersionRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StrategyVersionRoutes() {
    }

    static void add(Router r, Services s) {
        r.add("GET", "/v1/domains/{domain}/strategy/versions", TokenRole.READ,
                q -> Response.ok(s.strategies().versions(q.param("domain")).stream().map(StrategyVersionRoutes::view).toList()));
        r.add("GET", "/v1/domains/{domain}/strategy/versions/{version}", TokenRole.READ, q -> Response.text(
                s.seedJson().write(s.strategies().version(q.param("domain"), version(q))), Views.JSON));
        r.add("POST", "/v1/domains/{domain}/strategy/versions/{version}/rollback", TokenRole.WRITE, q -> {
            long v = s.strategies().rollback(q.principal().name(), q.param("domain"), version(q));
            return Response.ok(Map.of("version", v));
        });
        r.add("GET", "/v1/domains/{domain}/strategy/effective", TokenRole.READ, q -> {
            StrategyService.Effective e = s.strategies().effective(q.param("domain"));
            ObjectNode n = (ObjectNode) JSON.readTree(s.seedJson().write(e.document()));
            ObjectNode out = JSON.createObjectNode().put("source", e.source().wire());
            out.setAll(n);
            return Response.text(out.toString(), Views.JSON);
        });
        r.add("GET", "/v1/domains/{domain}/recommended-strategy", TokenRole.READ,
                q -> Response.text(s.seedJson().write(s.strategies().recommended(q.param("domain"))), Views.JSON));
    }

    private static long version(Request q) throws ApiException {
        String v = q.param("version");
        try {
            long n = Long.parseLong(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("InvalidParameter.version", "version: '" + v + "' is not a version number (1, 2, …)");
    }

    private static Map<String, Object> view(StrategyRepo.Version v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("publishedAt", v.publishedAt().toString());
        m.put("actor", v.actor());
        m.put("note", v.note());
        return m;
    }
}
