package io.lodestar.engine.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestar.engine.config.Shapes;
import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.store.Tx;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the replicated configuration out of a store as a JSON tree (ADR 0007): the zone, its static
 * records, the deployment's monitor points, and per domain its settings, endpoints, monitor and
 * strategy document, in the API's field names. Sorted by name, so equal configurations give equal
 * trees. Contacts, tokens, mail settings and history stay on each node.
 */
final class ConfigExport {

    private final ObjectMapper mapper;

    ConfigExport(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One monitor point of the deployment. */
    record Point(String nodeId, String site) {
    }

    /**
     * The whole configuration. {@code cache} holds each domain's tree from the last export; only the
     * domains in {@code dirty} are read again (all of them when {@code dirty} is empty).
     */
    ObjectNode export(Tx tx, String zone, Optional<String> zoneFile, List<Point> points, Map<String, ObjectNode> cache,
                      Optional<java.util.Set<String>> dirty) throws SQLException {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", 1);
        root.put("zone", zone);
        zoneFile.ifPresent(z -> root.put("zoneFile", z));
        ArrayNode nodes = root.putArray("points");
        points.stream().sorted(Comparator.comparing(Point::nodeId))
                .forEach(p -> nodes.addObject().put("id", p.nodeId()).put("site", p.site()));
        if (dirty.isEmpty()) {
            cache.clear();
            for (Domain d : tx.domains().list()) {
                cache.put(d.name(), domain(tx, d));
            }
        } else {
            for (String name : dirty.get()) {
                Optional<Domain> d = tx.domains().get(name);
                if (d.isPresent()) {
                    cache.put(name, domain(tx, d.get()));
                } else {
                    cache.remove(name);
                }
            }
        }
        ArrayNode domains = root.putArray("domains");
        new java.util.TreeMap<>(cache).values().forEach(domains::add);
        return root;
    }

    /** One domain's replicated configuration; also what a member compares to skip unchanged domains. */
    ObjectNode domain(Tx tx, Domain d) throws SQLException {
        ObjectNode o = mapper.valueToTree(Shapes.of(d));
        ArrayNode eps = o.putArray("endpoints");
        List<Endpoint> endpoints = new ArrayList<>(tx.endpoints().list(d.name()));
        endpoints.sort(Comparator.comparing(Endpoint::key));
        for (Endpoint e : endpoints) {
            Map<String, Object> m = new java.util.LinkedHashMap<>(Shapes.of(e));
            m.remove("domain");
            eps.add(mapper.valueToTree(m));
        }
        tx.monitors().get(d.name()).ifPresent(m -> o.set("monitor", mapper.valueToTree(Shapes.of(m))));
        Optional<String> strategy = tx.strategies().json(d.name());
        if (strategy.isPresent()) {
            o.set("strategy", tree(strategy.get()));
        }
        return o;
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a stored strategy is JSON", e);
        }
    }
}
