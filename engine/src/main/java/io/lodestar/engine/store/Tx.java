package io.lodestar.engine.store;

import io.lodestar.engine.seedjson.SeedJson;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One open transaction: the repositories, all on the same connection, and the time of the change.
 * Valid only inside the {@link Work} it was given to; using it (or a repository taken from it)
 * afterwards throws {@link IllegalStateException}.
 */
public final class Tx {

    private final Connection connection;
    private final Clock clock;
    private final SeedJson seedJson;
    private boolean open = true;

    Tx(Connection connection, Clock clock, SeedJson seedJson) {
        this.connection = connection;
        this.clock = clock;
        this.seedJson = seedJson;
    }

    /**
     * The store's clock to the millisecond (the precision times are stored at): the time stamped
     * on rows this transaction creates or updates.
     */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public DomainRepo domains() {
        return new DomainRepo(this);
    }

    public EndpointRepo endpoints() {
        return new EndpointRepo(this);
    }

    public MonitorRepo monitors() {
        return new MonitorRepo(this);
    }

    public StrategyRepo strategies() {
        return new StrategyRepo(this, seedJson);
    }

    public ContactRepo contacts() {
        return new ContactRepo(this);
    }

    public ContactGroupRepo contactGroups() {
        return new ContactGroupRepo(this);
    }

    public NotificationRepo notifications() {
        return new NotificationRepo(this);
    }

    public TokenRepo tokens() {
        return new TokenRepo(this);
    }

    public AuditRepo audit() {
        return new AuditRepo(this);
    }

    public HealthEventRepo healthEvents() {
        return new HealthEventRepo(this);
    }

    public TrafficRepo traffic() {
        return new TrafficRepo(this);
    }

    public HistoryRepo history() {
        return new HistoryRepo(this);
    }

    /** The transaction's connection, for repositories (and tests) of this package. */
    Connection connection() {
        if (!open) {
            throw new IllegalStateException("the transaction has ended; use the store's next transaction");
        }
        return connection;
    }

    void end() {
        open = false;
    }
}
