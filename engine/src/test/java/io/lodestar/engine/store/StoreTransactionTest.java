package io.lodestar.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.model.Contact;
import io.lodestar.engine.model.ContactGroup;
import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.model.Monitor;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.strategy.Item;
import io.lodestar.engine.strategy.Rule;
import io.lodestar.engine.strategy.RuleType;
import io.lodestar.engine.strategy.Strategy;
import io.lodestar.engine.validate.ValidationError;
import io.lodestar.engine.validate.ValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTransactionTest {

    private static final String D = "www.example.com";

    @TempDir
    Path dir;

    private StoreFixture f;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Puts a row in every table. */
    private void populate() {
        f.store.transaction(tx -> {
            tx.domains().insert(StoreFixture.domain(D));
            tx.endpoints().insert(StoreFixture.endpoint(D, "192.0.2.1"));
            tx.monitors().put(D, Monitor.defaults());
            tx.strategies().put(D, new SeedJson.Document(Optional.empty(), new Strategy("root", List.of(
                    new Rule("root", RuleType.WRR, "none.CN", "other", true, List.of(Item.of("192.0.2.1", 1, 0))))),
                    List.of()));
            tx.contacts().put(new Contact("ops", Optional.of("ops@example.com"), Optional.empty(), Optional.empty()));
            tx.contactGroups().put(new ContactGroup("oncall", List.of("ops")));
            tx.notifications().replace(D, Map.of("oncall", Set.of(EventKind.ALL_DOWN)));
            tx.tokens().add("ci", TokenRole.WRITE, "secret-one");
            tx.audit().append("admin", "domain.create", D, Optional.empty(), Optional.of("{}"));
            tx.healthEvents().append(new HealthEvent(StoreFixture.T0, D, "192.0.2.1", HealthEvent.State.UNKNOWN,
                    HealthEvent.State.OK, "3/3 points ok"));
            return tx.history().appendIfChanged(D, StoreFixture.T0, "{\"v\":1}", "published");
        });
    }

    @Test
    void failedChangeLeavesDatabaseAsItWas() {
        populate();
        List<String> before = f.dump();
        IllegalStateException boom = new IllegalStateException("boom");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> f.store.transaction(tx -> {
            tx.domains().update(StoreFixture.domain(D).withStatus(DomainStatus.PAUSE));
            tx.domains().insert(StoreFixture.domain("other.example.com"));
            tx.endpoints().insert(StoreFixture.endpoint(D, "192.0.2.2"));
            tx.monitors().delete(D);
            tx.contacts().put(new Contact("ops", Optional.empty(), Optional.of("+86 10 1234"), Optional.empty()));
            tx.contactGroups().delete("oncall");
            tx.tokens().add("another", TokenRole.READ, "secret-two");
            tx.audit().append("admin", "domain.update", D, Optional.of("{}"), Optional.of("{}"));
            tx.history().appendIfChanged(D, StoreFixture.T0.plusSeconds(1), "{\"v\":2}", "changed");
            tx.healthEvents().deleteOlderThan(StoreFixture.T0.plusSeconds(1));
            tx.domains().delete(D);
            Database.exec(tx.connection(), "CREATE TABLE scratch (x INTEGER)");
            throw boom;
        }));

        assertSame(boom, thrown, "the work's own exception reaches the caller");
        assertEquals(before, f.dump());
    }

    @Test
    void constraintViolationRollsBackTheStatementsBeforeIt() {
        List<String> before = f.dump();
        assertThrows(StoreException.class, () -> f.store.transaction(tx -> {
            tx.domains().insert(StoreFixture.domain(D));
            return tx.endpoints().insert(StoreFixture.endpoint("not.stored.example", "192.0.2.1"));
        }));
        assertEquals(before, f.dump());
    }

    @Test
    void checkedExceptionOfTheWorkReachesTheCallerUnwrapped() {
        List<String> before = f.dump();
        ValidationException e = assertThrows(ValidationException.class, () -> f.store.transaction(tx -> {
            tx.domains().insert(StoreFixture.domain(D));
            throw new ValidationException(new ValidationError("domain", "domain.taken", "domain: taken"));
        }));
        assertEquals("domain.taken", e.first().rule());
        assertEquals(before, f.dump());
    }

    @Test
    void committedChangeSurvivesReopening() {
        f.addDomain(D, "192.0.2.1");
        f.close();
        f = new StoreFixture(dir);
        assertEquals(Optional.of(StoreFixture.domain(D)), f.store.read(tx -> tx.domains().get(D)));
    }

    @Test
    void readsCannotWrite() {
        StoreException e = assertThrows(StoreException.class,
                () -> f.store.read(tx -> tx.domains().insert(StoreFixture.domain(D))));
        assertTrue(e.getMessage().contains("readonly"), e.getMessage());
        assertEquals(List.of(), f.store.read(tx -> tx.domains().list()));
        assertTrue(f.changed(tx -> tx.domains().insert(StoreFixture.domain(D))), "writes work again after");
    }

    @Test
    void nestedTransactionIsRefusedAndTheOuterRolledBack() {
        assertThrows(IllegalStateException.class, () -> f.store.transaction(tx -> {
            tx.domains().insert(StoreFixture.domain(D));
            return f.store.transaction(inner -> inner.domains().list());
        }));
        assertEquals(List.of(), f.store.read(tx -> tx.domains().list()));
    }

    @Test
    void transactionCannotBeUsedAfterItEnds() {
        Tx leaked = f.store.transaction(tx -> tx);
        assertThrows(IllegalStateException.class, () -> leaked.domains().list());
    }

    @Test
    void configurationChangesCommitWithFullSyncAndRecordsWithNormal() {
        assertEquals("2", f.store.transaction(tx -> DatabaseTest.pragma(tx, "synchronous")));
        assertEquals("1", f.store.transaction(Store.Durability.NORMAL, tx -> DatabaseTest.pragma(tx, "synchronous")));
    }

    @Test
    void changesFromManyThreadsAreSerialized() throws Exception {
        f.store.transaction(tx -> tx.domains().insert(new Domain(D, true, DomainStatus.START, 1)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        f.store.transaction(tx -> {
                            Domain d = tx.domains().get(D).orElseThrow();
                            return tx.domains().update(d.withTtl(d.ttl() + 1));
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(101, (int) f.store.read(tx -> tx.domains().get(D).orElseThrow().ttl()), "no increment was lost");
        assertFalse(f.db.lock().isLocked());
    }
}
