package io.lodestar.engine.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lodestar.engine.api.ApiException;
import io.lodestar.engine.api.ApiJson;
import io.lodestar.engine.api.Response;
import io.lodestar.engine.api.Router;
import io.lodestar.engine.store.TokenRole;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes API (CONTRACT §3: {@code GET/POST/DELETE /v1/nodes}) and the node-to-node calls under
 * {@code /v1/cluster/…}; and the guard that makes a member refuse configuration writes with 409.
 */
public final class ClusterRoutes {

    /** Paths whose writes change replicated configuration (a member refuses them). */
    private static final List<String> REPLICATED = List.of("/v1/domains", "/v1/endpoints", "/v1/strategys", "/v1/zone");
    /** Writes under those paths that change nothing (simulation, probing now). */
    private static final Set<String> NOT_WRITES = Set.of("/v1/domains/{domain}/simulate", "/v1/domains/{domain}/probe");

    /** A snapshot of ~100 000 domains; the exchange carries a second of results from thousands of endpoints. */
    static final int SNAPSHOT_LIMIT = 256 << 20;

    private ClusterRoutes() {
    }

    /** A router with the cluster's routes first and every replicated-configuration write guarded. */
    public static Router wrap(Router api, Cluster cluster, ApiJson json, String version) {
        Router r = new Router();
        add(r, cluster, json, version);
        for (Router.Route route : api.routes()) {
            r.add(route.method(), route.template(), route.needs(), guarded(route, cluster));
        }
        return r;
    }

    private static Router.Handler guarded(Router.Route route, Cluster cluster) {
        boolean write = !route.method().equals("GET") && !NOT_WRITES.contains(route.template())
                && REPLICATED.stream().anyMatch(p -> route.template().startsWith(p));
        if (!write) {
            return route.handler();
        }
        return q -> {
            if (cluster.refusesWrites().isPresent()) {
                throw cluster.refusesWrites().get();
            }
            return route.handler().handle(q);
        };
    }

    private static void add(Router r, Cluster cluster, ApiJson json, String version) {
        r.add("GET", "/v1/nodes", TokenRole.READ, q -> Response.ok(cluster.nodes(version)));
        r.add("POST", "/v1/nodes", TokenRole.FULL, q -> {
            Map<String, String> b = json.read(q.body(), new TypeReference<Map<String, String>>() { });
            return Response.ok(cluster.add(q.principal().name(), b.get("url"), b.get("token")));
        });
        r.add("DELETE", "/v1/nodes", TokenRole.FULL, q -> {
            for (String id : json.read(q.body(), new TypeReference<List<String>>() { })) {
                cluster.remove(q.principal().name(), id);
            }
            return Response.okNull();
        });
        r.add("DELETE", "/v1/nodes/{id}", TokenRole.FULL, q -> {
            cluster.remove(q.principal().name(), q.param("id"));
            return Response.okNull();
        });
        r.add("POST", "/v1/nodes/{id}/push", TokenRole.WRITE, q -> {
            cluster.retry(q.param("id"));
            return Response.okNull();
        });
        r.add("GET", "/v1/cluster/hello", TokenRole.FULL, q -> Response.ok(cluster.hello()));
        r.add("POST", "/v1/cluster/join", TokenRole.FULL, q -> Response.ok(cluster.join(q.principal().name(), q.body())));
        r.add("DELETE", "/v1/cluster/join", TokenRole.FULL, q -> {
            cluster.leave();
            return Response.okNull();
        });
        r.bodyLimit("/v1/cluster/snapshot", SNAPSHOT_LIMIT);
        r.bodyLimit("/v1/cluster/exchange", SNAPSHOT_LIMIT);
        r.add("PUT", "/v1/cluster/snapshot", TokenRole.FULL, q -> {
            try {
                boolean applied = cluster.accept(q.principal().name(), q.body());
                return Response.ok(Map.of("version", cluster.snapshotVersion(), "applied", applied));
            } catch (SnapshotRefused e) {
                throw refusal(e);
            }
        });
        r.add("GET", "/v1/cluster/snapshot", TokenRole.READ, q -> Response.text(
                new String(cluster.snapshotFor(q.principal().name()), java.nio.charset.StandardCharsets.UTF_8),
                "application/json; charset=utf-8"));
        r.add("POST", "/v1/cluster/exchange", TokenRole.READ, q -> Response.ok(cluster.exchange(q.principal().name(), q.body())));
    }

    private static ApiException refusal(SnapshotRefused e) {
        switch (e.why()) {
            case FOREIGN:
                return new ApiException(403, "ForeignControl", e.getMessage());
            case STALE:
                return new ApiException(409, "StaleSnapshot", e.getMessage());
            case CORRUPT:
                return ApiException.badRequest("CorruptSnapshot", e.getMessage());
            default:
                return ApiException.badRequest("InvalidSnapshot", e.getMessage());
        }
    }
}
