package io.lodestar.engine.health;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.store.HealthEvent.State;

/**
 * Whether an endpoint counts as up when plans are compiled, from its settings and its verdict
 * (ADR 0005), in order:
 *
 * <ol>
 *   <li>{@code evalHealth = false}: up, whatever was measured (the operator said not to judge it;
 *       it is not even probed);</li>
 *   <li>verdict {@code fail}: down: only the threshold rule of {@link Verdicts} produces it;</li>
 *   <li>verdict {@code ok} or {@code unknown} (not judged yet): up.</li>
 * </ol>
 * Not here, because they are the compiler's: {@code enable = false} is never answered at all, and
 * when every candidate of a group is down the group fails open (answers as if all were up).
 * {@code HealthBook.view} should delegate to {@link #up}.
 */
public final class Precedence {

    private Precedence() {
    }

    public static boolean up(Endpoint e, State verdict) {
        if (!e.evalHealth()) {
            return true;
        }
        return verdict != State.FAIL;
    }
}
