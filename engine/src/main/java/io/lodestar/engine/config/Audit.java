package io.lodestar.engine.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestar.engine.store.Tx;
import java.sql.SQLException;
import java.util.Optional;

/** Writes audit entries (who, when, what, before/after as JSON) inside the change's transaction. */
final class Audit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Audit() {
    }

    static void record(Tx tx, String actor, String action, String target, Object before, Object after)
            throws SQLException {
        tx.audit().append(actor, action, target, json(before), json(after));
    }

    static Optional<String> json(Object o) {
        if (o == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.writeValueAsString(o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit value not serialisable", e);
        }
    }

}
