package io.lodestar.engine.node;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.plan.HealthView;
import io.lodestar.engine.store.HealthEvent.State;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current verdict of every endpoint, written by the prober's verdicts and read when plans are
 * compiled. Precedence (docs/adr, CONTRACT §5): {@code evalHealth = false} always counts as up;
 * {@code unknown} (never judged) is served as up; only {@code fail} takes an endpoint out.
 */
public final class HealthBook {

    private final Map<String, State> states = new ConcurrentHashMap<>();

    private static String key(String domain, String endpoint) {
        return domain + '\u0000' + endpoint;
    }

    public State state(String domain, String endpoint) {
        return states.getOrDefault(key(domain, endpoint), State.UNKNOWN);
    }

    /** Sets a verdict; returns the previous one. */
    public State set(String domain, String endpoint, State state) {
        State prev = states.put(key(domain, endpoint), state);
        return prev == null ? State.UNKNOWN : prev;
    }

    /** Every endpoint judged {@code fail}, as {@code domain endpoint}, sorted. */
    public List<String> failing() {
        return states.entrySet().stream().filter(e -> e.getValue() == State.FAIL)
                .map(e -> e.getKey().replace('\u0000', ' ')).sorted().toList();
    }

    /** Forgets a domain's or an endpoint's verdicts (deleted, or no longer probed). */
    public void forget(String domain, String endpoint) {
        states.remove(key(domain, endpoint));
    }

    /** What the compiler sees for one domain. */
    public HealthView view(String domain) {
        return e -> !e.evalHealth() || state(domain, e.key()) != State.FAIL;
    }

    /** The state the API shows for an endpoint: {@code evalHealth=false} endpoints are reported as they are judged. */
    public State shown(Endpoint e) {
        return state(e.domain(), e.key());
    }

    /**
     * The seed's domain {@code monitorStatus}: {@code fail} if an endpoint that is judged is failing,
     * {@code ok} if all judged endpoints are ok, {@code ""} if none has been judged.
     */
    public String monitorStatus(String domain, List<Endpoint> endpoints) {
        boolean anyOk = false;
        for (Endpoint e : endpoints) {
            if (!e.evalHealth() || !e.enable()) {
                continue;
            }
            State s = state(domain, e.key());
            if (s == State.FAIL) {
                return "fail";
            }
            anyOk |= s == State.OK;
        }
        return anyOk ? "ok" : "";
    }
}
