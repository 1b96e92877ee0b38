package io.lodestar.engine.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.EndpointType;
import io.lodestar.engine.model.EndpointValue;
import io.lodestar.engine.notify.Alert;
import io.lodestar.engine.store.Database;
import io.lodestar.engine.store.EventKind;
import io.lodestar.engine.store.Migrations;
import io.lodestar.engine.store.Store;
import io.lodestar.engine.testing.Fixtures;
import io.lodestar.engine.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gray-migration state machine on a real store with an injected clock: hold, advance, done, rollback. */
class RampControllerTest {

    private static final String D = "www.example.com";
    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    private Database db;
    private Store store;
    private final AtomicReference<String> gateFailure = new AtomicReference<>();
    private final List<String> reloads = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private RampController controller;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("t.db"), Migrations.builtIn(), clock);
        store = new Store(db, Fixtures.SEED_JSON, clock);
        store.transaction(tx -> {
            tx.domains().insert(new Domain(D, true, DomainStatus.START, 60));
            for (String ip : List.of("192.0.2.1", "192.0.2.2")) {
                tx.endpoints().insert(new Endpoint(D, EndpointValue.parse(EndpointType.A, ip).orElseThrow(), "beijing.CN",
                        "ct", List.of(), 1, true, true));
            }
            return null;
        });
        controller = new RampController(store, (domain, endpoint, max) -> Optional.ofNullable(gateFailure.get()),
                (names, reason) -> reloads.add(reason), alerts::add, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void start(List<Integer> steps, int hold) throws Exception {
        store.transaction(tx -> {
            List<Endpoint> eps = tx.endpoints().list(D);
            Ramp r = TrafficDocs.ramp(new TrafficDocs.RampInput("192.0.2.1", "192.0.2.2", "", steps, hold, 0),
                    TrafficConfig.NONE, eps, Fixtures.REGIONS, clock.instant().toString());
            TrafficStore.write(tx, D, TrafficStore.RAMP, r, "test");
            return null;
        });
    }

    private Ramp ramp() {
        return store.read(tx -> TrafficStore.read(tx, D, TrafficStore.RAMP, Ramp.class)).orElseThrow();
    }

    @Test
    void eachStepHoldsItsTimeThenTheNextBeginsAndTheLastEndsTheRamp() throws Exception {
        start(List.of(1, 5, 25, 100), 60);
        assertEquals(1, ramp().percent());
        clock.advance(Duration.ofSeconds(59));
        controller.tick();
        assertEquals(1, ramp().percent(), "not held long enough");
        int[] expected = {5, 25, 100};
        for (int p : expected) {
            clock.advance(Duration.ofSeconds(60));
            controller.tick();
            assertEquals(p, ramp().percent());
            assertEquals(Ramp.Status.RUNNING, ramp().status());
        }
        clock.advance(Duration.ofSeconds(60));
        controller.tick();
        assertEquals(Ramp.Status.DONE, ramp().status());
        assertEquals(3, ramp().lastGood());
        assertEquals(List.of("gray migration 192.0.2.1 → 192.0.2.2 step 2 of 4: 5 %",
                "gray migration 192.0.2.1 → 192.0.2.2 step 3 of 4: 25 %",
                "gray migration 192.0.2.1 → 192.0.2.2 step 4 of 4: 100 %",
                "gray migration 192.0.2.1 → 192.0.2.2 done at 100 %"), reloads);
        assertEquals(List.of("www.example.com: gray migration advanced to 5 %", "www.example.com: gray migration advanced to 25 %",
                "www.example.com: gray migration advanced to 100 %", "www.example.com: gray migration completed"),
                alerts.stream().map(Alert::title).toList(), "each step is an alert of kind ramp");
        assertTrue(alerts.stream().allMatch(a -> a.kind() == EventKind.RAMP));
    }

    @Test
    void aClosedGateRollsBackToTheLastHeldStepAndAlertsTheRollbackOnce() throws Exception {
        start(List.of(1, 5, 25, 100), 10);
        clock.advance(Duration.ofSeconds(10));
        controller.tick();
        clock.advance(Duration.ofSeconds(10));
        controller.tick();
        assertEquals(25, ramp().percent());
        gateFailure.set("192.0.2.2 is down");
        clock.advance(Duration.ofSeconds(1));
        controller.tick();
        controller.tick();
        Ramp r = ramp();
        assertEquals(Ramp.Status.ROLLED_BACK, r.status());
        assertEquals(5, r.percent(), "back to the last step that held");
        List<Alert> rollbacks = alerts.stream().filter(a -> a.title().endsWith("rolled back")).toList();
        assertEquals(1, rollbacks.size(), alerts.toString());
        assertEquals(EventKind.RAMP, rollbacks.get(0).kind());
        assertTrue(rollbacks.get(0).text().contains("rolled back to 5 %"), rollbacks.get(0).text());
        assertEquals("rolledBack", r.timeline().get(r.timeline().size() - 1).event());
        assertEquals("192.0.2.2 is down", r.timeline().get(r.timeline().size() - 1).detail());
    }

    @Test
    void aPausedRampDoesNotMove() throws Exception {
        start(List.of(10, 100), 10);
        store.transaction(tx -> {
            Ramp r = TrafficStore.read(tx, D, TrafficStore.RAMP, Ramp.class).orElseThrow();
            TrafficStore.write(tx, D, TrafficStore.RAMP, r.with(Ramp.Status.PAUSED, r.step(), r.lastGood(), r.stepSince(),
                    new Ramp.Event(clock.instant().toString(), "paused", r.step(), r.percent(), "")), "test");
            return null;
        });
        clock.advance(Duration.ofSeconds(100));
        gateFailure.set("down");
        controller.tick();
        assertEquals(10, ramp().percent());
        assertEquals(Ramp.Status.PAUSED, ramp().status());
        assertTrue(reloads.isEmpty() && alerts.isEmpty());
    }
}
