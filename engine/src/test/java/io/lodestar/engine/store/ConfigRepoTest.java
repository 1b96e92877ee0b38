package io.lodestar.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.model.Monitor;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.strategy.Item;
import io.lodestar.engine.strategy.Rule;
import io.lodestar.engine.strategy.RuleType;
import io.lodestar.engine.strategy.Strategy;
import io.lodestar.engine.strategy.UserSet;
import io.lodestar.engine.validate.Errors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Monitors and strategies: one of each per domain. */
class ConfigRepoTest {

    private static final String D = "www.example.com";

    @TempDir
    Path dir;

    private StoreFixture f;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
        f.addDomain(D, "192.0.2.1");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void monitorRoundTripKeepsEveryField() {
        Monitor full = new Monitor(Monitor.Protocol.HTTPS, 8443, "/healthz", Optional.of("origin.example.com"),
                List.of("2xx", "301"), 3, 15, 60, 7, 4, "HEAD", Optional.of("OK"), false);
        f.store.transaction(tx -> {
            tx.monitors().put(D, full);
            return null;
        });
        assertEquals(Optional.of(full), f.store.read(tx -> tx.monitors().get(D)));
    }

    @Test
    void monitorPutReplacesTheDomainsMonitor() {
        Monitor ping = new Monitor(Monitor.Protocol.PING, 0, "/", Optional.empty(), List.of(), 1, 1, 100, 1, 1, "GET",
                Optional.empty(), true);
        f.store.transaction(tx -> {
            tx.monitors().put(D, Monitor.defaults());
            tx.monitors().put(D, ping);
            return null;
        });
        assertEquals(Optional.of(ping), f.store.read(tx -> tx.monitors().get(D)));
        assertEquals(1, (int) f.store.read(tx -> Sql.one(tx.connection(), "SELECT count(*) FROM monitors", rs -> rs.getInt(1)))
                .orElseThrow());
    }

    private SeedJson.Document document(int weight) {
        UserSet bjCt = UserSet.parse("beijing.CN/ct", f.regions, "usersets", new Errors());
        Strategy s = new Strategy("root", List.of(
                new Rule("root", RuleType.PRIORITY, "none.CN", "other", true,
                        List.of(new Item("bj", 0, 1, bjCt), Item.of("192.0.2.1", 0, 2))),
                new Rule("bj", RuleType.WRR, "beijing.CN", "ct", true, List.of(Item.of("192.0.2.1", weight, 0)))));
        return new SeedJson.Document(Optional.of(DomainStatus.START), s, List.of(StoreFixture.endpoint(D, "192.0.2.1")));
    }

    @Test
    void strategyIsStoredAsSeedJsonWithVersionAndUpdateTime() {
        SeedJson.Document first = document(1);
        SeedJson.Document second = document(9);

        assertEquals(1L, (long) f.store.transaction(tx -> tx.strategies().put(D, first)));
        f.clock.advance(Duration.ofHours(1));
        assertEquals(2L, (long) f.store.transaction(tx -> tx.strategies().put(D, second)));

        StoredStrategy stored = f.store.read(tx -> tx.strategies().get(D)).orElseThrow();
        assertEquals(new StoredStrategy(D, second, 2, StoreFixture.T0.plus(Duration.ofHours(1))), stored);
        assertEquals(Optional.of(f.seedJson.write(second)), f.store.read(tx -> tx.strategies().json(D)));
    }

    @Test
    void strategyForUnknownDomainIsRefused() {
        assertThrows(StoreException.class, () -> f.store.transaction(
                tx -> tx.strategies().put("absent.example.com", document(1))));
    }

    @Test
    void deletedStrategyIsGone() {
        f.store.transaction(tx -> tx.strategies().put(D, document(1)));
        assertTrue(f.changed(tx -> tx.strategies().delete(D)));
        assertEquals(Optional.empty(), f.store.read(tx -> tx.strategies().get(D)));
    }
}
