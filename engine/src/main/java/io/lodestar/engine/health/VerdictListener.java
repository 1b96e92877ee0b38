package io.lodestar.engine.health;

import java.util.List;

/**
 * Hears verdict changes, batched, in order, on the monitor's own notification thread (never a
 * prober or DNS thread): it may recompile plans and write the store.
 */
public interface VerdictListener {

    void changed(List<VerdictChange> changes);
}
