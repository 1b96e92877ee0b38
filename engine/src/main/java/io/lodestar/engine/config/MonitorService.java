package io.lodestar.engine.config;

import io.lodestar.engine.node.ReloadReason;
import io.lodestar.engine.model.Monitor;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.MonitorInput;
import io.lodestar.engine.validate.ValidationException;
import java.util.Optional;

/** A domain's monitor (CONTRACT §5): read (seed defaults when none is set) and replace. */
public final class MonitorService {

    private final Context ctx;

    public MonitorService(Context ctx) {
        this.ctx = ctx;
    }

    /** The domain's monitor; empty if none is configured. */
    public Optional<Monitor> get(String domain) throws NotFound {
        return Changes.read(ctx, tx -> {
            DomainService.require(tx, domain);
            return tx.monitors().get(domain);
        });
    }

    public Monitor put(String actor, String domain, MonitorInput input) throws ValidationException, NotFound {
        Errors errors = new Errors();
        Optional<Monitor> m = input.toMonitor("monitor", errors);
        errors.throwIfAny();
        Monitor monitor = m.orElseThrow();
        Changes.run(ctx, tx -> {
            DomainService.require(tx, domain);
            Optional<Monitor> before = tx.monitors().get(domain);
            tx.monitors().put(domain, monitor);
            Audit.record(tx, actor, "monitor.put", domain, before.map(Shapes::of).orElse(null), Shapes.of(monitor));
            return null;
        });
        ctx.publisher().reload(java.util.List.of(domain), ReloadReason.changed("monitor changed"));
        return monitor;
    }
}
