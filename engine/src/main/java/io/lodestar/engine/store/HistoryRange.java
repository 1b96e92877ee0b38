package io.lodestar.engine.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain's schedule results in a time range, with the result in force when the range begins.
 *
 * @param before the last row before the range's start, if any: the state at {@code from}
 *               unless a row falls exactly on {@code from}
 * @param rows   the rows in the range, oldest first
 */
public record HistoryRange(Optional<HistoryRow> before, List<HistoryRow> rows) {

    public HistoryRange {
        Objects.requireNonNull(before, "before");
        rows = List.copyOf(rows);
    }

    /** The result in force at {@code t} (within the range, or at its start): the last row at or before t. */
    public Optional<HistoryRow> stateAt(Instant t) {
        Optional<HistoryRow> state = before;
        for (HistoryRow r : rows) {
            if (r.at().isAfter(t)) {
                break;
            }
            state = Optional.of(r);
        }
        return state;
    }
}
