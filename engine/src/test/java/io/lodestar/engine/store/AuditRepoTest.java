package io.lodestar.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditRepoTest {

    @TempDir
    Path dir;

    private StoreFixture f;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
        // Entry i is at T0 + i minutes; even ones are about a.example.com, odd ones about b.example.com.
        for (int i = 0; i < 10; i++) {
            String target = i % 2 == 0 ? "a.example.com" : "b.example.com";
            String n = String.valueOf(i);
            f.store.transaction(tx -> tx.audit().append("admin", "domain.update", target,
                    Optional.of("{\"n\":" + n + "}"), Optional.of("{\"n\":" + (Integer.parseInt(n) + 1) + "}")));
            f.clock.advance(Duration.ofMinutes(1));
        }
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static Instant minute(int i) {
        return StoreFixture.T0.plus(Duration.ofMinutes(i));
    }

    private List<String> befores(AuditQuery q) {
        return f.store.read(tx -> tx.audit().list(q)).stream().map(e -> e.before().orElse("-"))
                .collect(Collectors.toList());
    }

    @Test
    void entriesRoundTripWithAbsentBeforeOrAfter() {
        AuditEntry added = f.store.transaction(tx -> tx.audit().append("token:ci", "domain.create", "c.example.com",
                Optional.empty(), Optional.of("{\"domain\":\"c.example.com\"}")));
        assertEquals(List.of(added), f.store.read(tx -> tx.audit().list(AuditQuery.all().target("c.example.com"))));
        assertEquals(new AuditEntry(added.id(), minute(10), "token:ci", "domain.create", "c.example.com",
                Optional.empty(), Optional.of("{\"domain\":\"c.example.com\"}")), added);
    }

    @Test
    void listIsNewestFirstAndPaged() {
        assertEquals(List.of("{\"n\":9}", "{\"n\":8}", "{\"n\":7}"), befores(AuditQuery.all().page(0, 3)));
        assertEquals(List.of("{\"n\":6}", "{\"n\":5}", "{\"n\":4}"), befores(AuditQuery.all().page(3, 3)));
        assertEquals(List.of("{\"n\":0}"), befores(AuditQuery.all().page(9, 3)));
        assertEquals(10L, (long) f.store.read(tx -> tx.audit().count(AuditQuery.all().page(9, 3))));
    }

    @Test
    void filtersByTargetAndTimeRange() {
        AuditQuery q = AuditQuery.all().target("b.example.com").between(minute(3), minute(7));
        assertEquals(List.of("{\"n\":5}", "{\"n\":3}"), befores(q), "from inclusive, to exclusive");
        assertEquals(2L, (long) f.store.read(tx -> tx.audit().count(q)));
        assertEquals(5L, (long) f.store.read(tx -> tx.audit().count(AuditQuery.all().target("a.example.com"))));
        assertEquals(4L, (long) f.store.read(tx -> tx.audit().count(AuditQuery.all().between(minute(2), minute(6)))));
    }

    @Test
    void beforeAndAfterMustBeJson() {
        assertThrows(StoreException.class, () -> f.store.transaction(tx -> tx.audit().append("admin", "x", "y",
                Optional.of("not json"), Optional.empty())));
        assertEquals(10L, (long) f.store.read(tx -> tx.audit().count(AuditQuery.all())));
    }

    @Test
    void pageSizeIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> AuditQuery.all().page(0, AuditQuery.MAX_LIMIT + 1));
        assertThrows(IllegalArgumentException.class, () -> AuditQuery.all().page(-1, 10));
    }
}
