package io.lodestar.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class HistoryRepoTest {

    private static final String D = "www.example.com";
    private static final String E = "api.example.com";

    @TempDir
    Path dir;

    private StoreFixture f;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
        f.addDomain(D, "192.0.2.1");
        f.addDomain(E, "192.0.2.2");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static Instant at(int minutes) {
        return StoreFixture.T0.plus(Duration.ofMinutes(minutes));
    }

    private static String result(int v) {
        return "{\"beijing.CN/ct\":[\"192.0.2." + v + "\"]}";
    }

    private boolean append(String domain, int minute, int v) {
        return f.store.transaction(Store.Durability.NORMAL,
                tx -> tx.history().appendIfChanged(domain, at(minute), result(v), "test " + v));
    }

    private static List<String> results(List<HistoryRow> rows) {
        return rows.stream().map(HistoryRow::resultJson).collect(Collectors.toList());
    }

    @Test
    void historyAppendsOnlyWhenResultChanges() {
        assertTrue(append(D, 0, 1), "first result");
        assertFalse(append(D, 1, 1), "same result");
        assertTrue(append(D, 2, 2), "changed");
        assertTrue(append(D, 3, 1), "changed back");
        assertTrue(append(E, 3, 1), "each domain has its own history");

        assertEquals(List.of(result(1), result(2), result(1)),
                results(f.store.read(tx -> tx.history().range(D, at(0), at(60))).rows()));
        HistoryRow latest = f.store.read(tx -> tx.history().latest(D)).orElseThrow();
        assertEquals(List.of(at(3), result(1), "test 1"), List.of(latest.at(), latest.resultJson(), latest.reason()));
    }

    @Test
    void historyRangeIncludesStateBeforeFrom() {
        append(D, 0, 1);
        append(D, 10, 2);
        append(D, 20, 3);
        append(D, 30, 4);

        HistoryRange r = f.store.read(tx -> tx.history().range(D, at(15), at(30)));

        assertEquals(Optional.of(result(2)), r.before().map(HistoryRow::resultJson));
        assertEquals(List.of(result(3)), results(r.rows()), "from inclusive, to exclusive");
        assertEquals(Optional.of(result(2)), r.stateAt(at(15)).map(HistoryRow::resultJson));
        assertEquals(Optional.of(result(3)), r.stateAt(at(25)).map(HistoryRow::resultJson));
        assertEquals(Optional.empty(), f.store.read(tx -> tx.history().range(D, at(-5), at(0))).before());
    }

    @Test
    void appendingEarlierThanTheLatestRowIsRefused() {
        append(D, 10, 1);
        assertThrows(IllegalArgumentException.class, () -> append(D, 9, 2));
        assertTrue(append(D, 10, 2), "the same instant is allowed");
    }

    @Test
    void retentionKeepsEachDomainsLatestRow() {
        append(D, 0, 1);
        append(D, 10, 2);
        append(E, 5, 1);

        int deleted = f.store.transaction(tx -> tx.history().deleteOlderThan(at(60)));

        assertEquals(1, deleted);
        assertEquals(Optional.of(result(2)), f.store.read(tx -> tx.history().latest(D)).map(HistoryRow::resultJson));
        assertEquals(Optional.of(result(1)), f.store.read(tx -> tx.history().latest(E)).map(HistoryRow::resultJson));
    }

    @Test
    void retentionKeepsTheStateInForceAtTheCutoff() {
        append(D, 0, 1);
        append(D, 10, 2);
        append(D, 20, 3);
        append(D, 40, 4);

        assertEquals(2, (int) f.store.transaction(tx -> tx.history().deleteOlderThan(at(30))));

        HistoryRange r = f.store.read(tx -> tx.history().range(D, at(30), at(60)));
        assertEquals(Optional.of(result(3)), r.before().map(HistoryRow::resultJson));
        assertEquals(List.of(result(4)), results(r.rows()));
    }

    @Test
    void historyQueriesUseTheDomainTimeIndex() {
        String plan = f.store.read(tx -> String.join("\n", Sql.list(tx.connection(),
                "EXPLAIN QUERY PLAN SELECT id FROM schedule_history WHERE domain = ? AND at >= ? AND at < ? ORDER BY at",
                rs -> rs.getString("detail"), D, at(0), at(1))));
        assertTrue(plan.contains("schedule_history_domain_at"), plan);
    }
}
