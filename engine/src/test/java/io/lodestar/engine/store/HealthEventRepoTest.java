package io.lodestar.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lodestar.engine.store.HealthEvent.State;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthEventRepoTest {

    private static final String D = "www.example.com";

    @TempDir
    Path dir;

    private StoreFixture f;

    private static Instant at(int minutes) {
        return StoreFixture.T0.plus(Duration.ofMinutes(minutes));
    }

    private static final List<HealthEvent> EVENTS = List.of(
            new HealthEvent(at(0), D, "192.0.2.1", State.UNKNOWN, State.OK, "5/5 points ok"),
            new HealthEvent(at(10), D, "192.0.2.1", State.OK, State.FAIL, "4/5 points: 3 of last 5 failed"),
            new HealthEvent(at(20), D, "192.0.2.1", State.FAIL, State.OK, "5/5 points ok"));

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
        f.addDomain(D, "192.0.2.1");
        for (HealthEvent e : EVENTS) {
            f.store.transaction(Store.Durability.NORMAL, tx -> {
                tx.healthEvents().append(e);
                return null;
            });
        }
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void eventsRoundTripInTimeOrderWithinARange() {
        assertEquals(EVENTS, f.store.read(tx -> tx.healthEvents().range(D, at(0), at(30))));
        assertEquals(EVENTS.subList(1, 2), f.store.read(tx -> tx.healthEvents().range(D, at(10), at(20))));
    }

    @Test
    void recentIsNewestFirst() {
        assertEquals(List.of(EVENTS.get(2), EVENTS.get(1)), f.store.read(tx -> tx.healthEvents().recent(D, 2)));
    }

    @Test
    void retentionDeletesOnlyOlderEvents() {
        assertEquals(2, (int) f.store.transaction(Store.Durability.NORMAL, tx -> tx.healthEvents().deleteOlderThan(at(15))));
        assertEquals(EVENTS.subList(2, 3), f.store.read(tx -> tx.healthEvents().range(D, at(0), at(30))));
    }
}
