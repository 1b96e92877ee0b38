package io.lodestar.engine.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Monitor;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.store.Tx;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.validate.DomainRules;
import io.lodestar.engine.validate.EndpointInput;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.MonitorInput;
import io.lodestar.engine.validate.ValidationException;
import io.lodestar.resources.region.Regions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot's configuration checked against this node's rules before anything is written (the
 * member validates what it is sent: a snapshot that fails anywhere is refused whole), then written
 * into the store in one transaction, touching only domains whose configuration differs.
 */
final class ConfigImport {

    /** One domain as the snapshot has it, checked; empty parts when it is as in the snapshot in force (not re-read). */
    record Incoming(Domain domain, List<Endpoint> endpoints, Optional<Monitor> monitor,
                    Optional<SeedJson.Document> strategy, ObjectNode raw, boolean unchanged) {
    }

    /** A checked configuration. */
    record Checked(String zone, Optional<String> zoneFile, List<ConfigExport.Point> points, Map<String, Incoming> domains) {
    }

    private final ObjectMapper mapper;
    private final Regions regions;
    private final SeedJson seedJson;
    private final SnapshotCodec codec;

    ConfigImport(ObjectMapper mapper, Regions regions, SeedJson seedJson, SnapshotCodec codec) {
        this.mapper = mapper;
        this.regions = regions;
        this.seedJson = seedJson;
        this.codec = codec;
    }

    List<ConfigExport.Point> pointsOf(ObjectNode config) {
        List<ConfigExport.Point> points = new ArrayList<>();
        config.path("points").forEach(p -> points.add(new ConfigExport.Point(p.path("id").asText(), p.path("site").asText())));
        return points;
    }

    /**
     * Checks every domain that differs from {@code inForce} (the configuration the store already
     * holds, when known): unchanged domains were checked when they arrived.
     */
    Checked check(ObjectNode config, Optional<ObjectNode> inForce) throws SnapshotRefused {
        if (config.path("format").asInt() != 1) {
            throw new SnapshotRefused(SnapshotRefused.Why.INVALID, "config.format: this node reads format 1, got "
                    + config.path("format"));
        }
        Errors errors = new Errors();
        List<ConfigExport.Point> points = pointsOf(config);
        Map<String, JsonNode> before = new java.util.HashMap<>();
        inForce.ifPresent(f -> f.path("domains").forEach(d -> before.put(d.path("domain").asText(), d)));
        Map<String, Incoming> domains = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode d : config.path("domains")) {
            String path = "config.domains[" + i++ + "]";
            if (!d.isObject()) {
                errors.add(path, "domain.invalid", "a domain is an object");
                continue;
            }
            JsonNode was = before.get(d.path("domain").asText());
            if (was != null && was.equals(d)) {
                Domain unchanged = new Domain(d.path("domain").asText(), true, DomainStatus.NONE, Domain.DEFAULT_TTL);
                domains.put(unchanged.name(), new Incoming(unchanged, List.of(), Optional.empty(), Optional.empty(),
                        (ObjectNode) d, true));
                continue;
            }
            incoming((ObjectNode) d, path, errors).ifPresent(x -> domains.put(x.domain().name(), x));
        }
        try {
            errors.throwIfAny();
        } catch (ValidationException e) {
            throw new SnapshotRefused(SnapshotRefused.Why.INVALID, "snapshot configuration refused: " + e.getMessage());
        }
        Optional<String> zoneFile = config.hasNonNull("zoneFile") ? Optional.of(config.get("zoneFile").asText()) : Optional.empty();
        return new Checked(config.path("zone").asText(), zoneFile, points, domains);
    }

    private Optional<Incoming> incoming(ObjectNode d, String path, Errors errors) {
        int before = errors.list().size();
        Optional<String> name = DomainRules.domainName(d.path("domain").asText(null), path + ".domain", errors);
        Optional<DomainStatus> status = DomainStatus.fromWire(d.path("status").asText(""));
        int ttl = d.path("ttl").asInt(Domain.DEFAULT_TTL);
        if (status.isEmpty()) {
            errors.add(path + ".status", "status.unknown", "unknown status '" + d.path("status").asText() + "'");
        }
        if (ttl < Domain.MIN_TTL || ttl > Domain.MAX_TTL) {
            errors.add(path + ".ttl", "ttl.range", "ttl out of range: " + ttl);
        }
        if (name.isEmpty() || status.isEmpty() || errors.list().size() > before) {
            return Optional.empty();
        }
        Domain domain = new Domain(name.get(), d.path("isItmDomain").asBoolean(true), status.get(), ttl);
        List<Endpoint> endpoints = new ArrayList<>();
        int j = 0;
        for (JsonNode e : d.path("endpoints")) {
            EndpointInput in = mapper.convertValue(e, EndpointInput.class);
            in.toEndpoint(domain.name(), regions, path + ".endpoints[" + j++ + "]", errors).ifPresent(endpoints::add);
        }
        Optional<Monitor> monitor = Optional.empty();
        if (d.hasNonNull("monitor")) {
            monitor = mapper.convertValue(d.get("monitor"), MonitorInput.class).toMonitor(path + ".monitor", errors);
        }
        Optional<SeedJson.Document> strategy = Optional.empty();
        if (d.hasNonNull("strategy")) {
            try {
                strategy = Optional.of(seedJson.read(d.get("strategy").toString(), domain.name()));
                StrategyTree.resolve(strategy.get().strategy(), endpoints, regions);
            } catch (ValidationException e) {
                errors.add(path + ".strategy", "strategy.invalid", e.getMessage());
            }
        }
        if (errors.list().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Incoming(domain, endpoints, monitor, strategy, d, false));
    }

    /**
     * Makes the store hold exactly the checked configuration; returns the names of domains added,
     * changed or removed (what the publisher reloads).
     */
    Set<String> apply(Tx tx, Checked c, ConfigExport export) throws SQLException {
        Set<String> changed = new HashSet<>();
        for (Domain d : tx.domains().list()) {
            if (!c.domains().containsKey(d.name())) {
                tx.domains().delete(d.name());
                changed.add(d.name());
            }
        }
        for (Incoming in : c.domains().values()) {
            if (in.unchanged()) {
                continue;
            }
            Optional<Domain> have = tx.domains().get(in.domain().name());
            if (have.isPresent() && same(export.domain(tx, have.get()), in.raw())) {
                continue;
            }
            changed.add(in.domain().name());
            write(tx, in, have.isPresent());
        }
        return changed;
    }

    private boolean same(ObjectNode a, ObjectNode b) {
        return java.util.Arrays.equals(codec.canonical(a), codec.canonical(b));
    }

    private static void write(Tx tx, Incoming in, boolean exists) throws SQLException {
        String name = in.domain().name();
        if (exists) {
            tx.domains().update(in.domain());
        } else {
            tx.domains().insert(in.domain());
        }
        Set<String> keep = new HashSet<>();
        for (Endpoint e : in.endpoints()) {
            keep.add(e.key());
            if (tx.endpoints().get(name, e.key()).isPresent()) {
                tx.endpoints().update(e);
            } else {
                tx.endpoints().insert(e);
            }
        }
        for (Endpoint e : tx.endpoints().list(name)) {
            if (!keep.contains(e.key())) {
                tx.endpoints().delete(name, e.key());
            }
        }
        if (in.monitor().isPresent()) {
            tx.monitors().put(name, in.monitor().get());
        } else {
            tx.monitors().delete(name);
        }
        if (in.strategy().isPresent()) {
            tx.strategies().put(name, in.strategy().get());
        } else {
            tx.strategies().delete(name);
        }
    }
}
