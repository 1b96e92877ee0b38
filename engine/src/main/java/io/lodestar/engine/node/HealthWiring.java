package io.lodestar.engine.node;

import io.lodestar.engine.health.DomainTargets;
import io.lodestar.engine.health.HealthMonitor;
import io.lodestar.engine.health.VerdictChange;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Monitor;
import io.lodestar.engine.notify.Alert;
import io.lodestar.engine.notify.Notifier;
import io.lodestar.engine.store.HealthEvent.State;
import io.lodestar.engine.store.Store;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the health monitor to the rest of the node: verdict changes go to the health book, the
 * store (health events), the publisher (recompile, history) and the notifier (down/up alerts);
 * configuration changes re-target the monitor.
 */
final class HealthWiring {

    private static final Logger LOG = LoggerFactory.getLogger(HealthWiring.class);

    private final Store store;
    private final HealthBook health;
    private final Publisher publisher;
    private final Notifier notifier;

    HealthWiring(Store store, HealthBook health, Publisher publisher, Notifier notifier) {
        this.store = store;
        this.health = health;
        this.publisher = publisher;
        this.notifier = notifier;
    }

    private volatile java.util.function.Consumer<List<VerdictChange>> after = c -> { };

    /** Called after each batch is published (failover drills measure with it). */
    void after(java.util.function.Consumer<List<VerdictChange>> listener) {
        this.after = listener;
    }

    /** The monitor's listener: runs on the monitor's notification thread, one batch at a time. */
    void changed(List<VerdictChange> changes) {
        Set<String> domains = new LinkedHashSet<>();
        for (VerdictChange c : changes) {
            health.set(c.domain(), c.endpoint(), c.to());
            domains.add(c.domain());
            if (c.to() == State.FAIL) {
                notifier.alert(Alert.endpointDown(c.domain(), c.endpoint(), c.at(), c.evidence()));
            } else if (c.to() == State.OK && c.from() == State.FAIL) {
                notifier.alert(Alert.endpointUp(c.domain(), c.endpoint(), c.at(), c.evidence()));
            }
        }
        publisher.healthChanged(domains, "health: " + describe(changes));
        try {
            after.accept(changes);
        } catch (RuntimeException e) {
            LOG.warn("after verdict changes: {}", e.getMessage());
        }
        try {
            store.transaction(Store.Durability.NORMAL, tx -> {
                for (VerdictChange c : changes) {
                    tx.healthEvents().append(c.event());
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("health events not recorded: {}", e.getMessage());
        }
    }

    private static String describe(List<VerdictChange> changes) {
        StringBuilder sb = new StringBuilder();
        for (VerdictChange c : changes) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(c.domain()).append(' ').append(c.endpoint()).append(' ').append(c.from().wire())
                    .append(" → ").append(c.to().wire());
            if (sb.length() > 400) {
                sb.append("; …");
                break;
            }
        }
        return sb.toString();
    }

    /**
     * Every domain with a monitor, with its endpoints: what the monitor probes. Two statements
     * whatever the number of domains (a reload after a one-domain change at 10 000 domains used to
     * ask 20 000 questions here).
     */
    Map<String, DomainTargets> targets() {
        return store.read(tx -> {
            Map<String, List<Endpoint>> endpoints = tx.endpoints().listMonitored();
            Map<String, DomainTargets> out = new LinkedHashMap<>();
            for (Map.Entry<String, Monitor> m : tx.monitors().all().entrySet()) {
                out.put(m.getKey(), new DomainTargets(m.getValue(), endpoints.getOrDefault(m.getKey(), List.of())));
            }
            return out;
        });
    }

    void retarget(HealthMonitor monitor) {
        monitor.configure(targets());
    }
}
