package io.lodestar.engine.traffic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.lodestar.engine.store.StoreException;
import io.lodestar.engine.store.TrafficRepo;
import io.lodestar.engine.store.Tx;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes a domain's traffic documents (the store's {@code traffic_docs}) as the model:
 * policy, providers, ramp, switch and drill. Documents are written only after validation, so a
 * document that no longer reads is a store error.
 */
public final class TrafficStore {

    public static final String POLICY = "policy";
    public static final String PROVIDERS = "providers";
    public static final String RAMP = "ramp";
    public static final String SWITCH = "switch";
    public static final String DRILL = "drill";

    /** Who paused switching of a domain, and when (IGTM's STOP made visible). */
    public record Switch(boolean paused, String by, String at) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private TrafficStore() {
    }

    /** Everything the compiler needs of a domain. */
    public static TrafficConfig load(Tx tx, String domain) throws SQLException {
        TrafficPolicy policy = policy(tx, domain).orElse(TrafficPolicy.DEFAULT);
        Optional<Drill> drill = read(tx, domain, DRILL, Drill.class);
        Set<String> drilled = new HashSet<>();
        drill.filter(Drill::executed).ifPresent(d -> drilled.addAll(d.forced()));
        return new TrafficConfig(policy, read(tx, domain, PROVIDERS, Providers.class),
                read(tx, domain, RAMP, Ramp.class), drilled);
    }

    /**
     * What of the domain's traffic documents uses an endpoint (e.g. {@code pool 'bj'}, {@code provider
     * 'a'}, {@code the gray migration}); empty if nothing. An endpoint in use cannot be deleted.
     */
    public static java.util.List<String> usesOf(Tx tx, String domain, String endpoint) throws SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Pool p : policy(tx, domain).orElse(TrafficPolicy.DEFAULT).pools()) {
            if (p.members().stream().anyMatch(m -> m.endpoint().equals(endpoint))) {
                out.add("pool '" + p.name() + "'");
            }
        }
        TrafficConfig cfg = load(tx, domain);
        cfg.providers().ifPresent(pr -> pr.providers().stream().filter(x -> x.endpoint().equals(endpoint))
                .forEach(x -> out.add("provider '" + x.name() + "'")));
        cfg.ramp().filter(r -> cfg.endpointOf(r.from()).equals(endpoint) || cfg.endpointOf(r.to()).equals(endpoint))
                .ifPresent(r -> out.add("the gray migration"));
        return out;
    }

    public static Optional<TrafficPolicy> policy(Tx tx, String domain) throws SQLException {
        Optional<TrafficDocs.PolicyDoc> d = read(tx, domain, POLICY, TrafficDocs.PolicyDoc.class);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TrafficDocs.policy(d.get(), null));
        } catch (io.lodestar.engine.validate.ValidationException e) {
            throw new StoreException("stored traffic policy of " + domain + " is no longer valid: " + e.getMessage(), e);
        }
    }

    public static <T> Optional<T> read(Tx tx, String domain, String kind, Class<T> type) throws SQLException {
        Optional<TrafficRepo.Doc> doc = tx.traffic().get(domain, kind);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(doc.get().json(), type));
        } catch (JsonProcessingException e) {
            throw new StoreException("stored " + kind + " of " + domain + " does not read: " + e.getOriginalMessage(), e);
        }
    }

    public static void write(Tx tx, String domain, String kind, Object value, String by) throws SQLException {
        try {
            tx.traffic().put(domain, kind, JSON.writeValueAsString(value), by);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(kind + " not serialisable", e);
        }
    }
}
