package io.lodestar.engine.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The {@code schedule_history} table: each domain's schedule results, a row only when the result
 * changes, so the history is a list of states each in force until the next. Rows are compared by the
 * SHA-256 of their JSON text, so the caller must write equal results as equal text (stable field
 * and element order). Times are kept to the millisecond. Write with {@link Store.Durability#NORMAL}:
 * a row lost in a power cut is appended again at the next compilation, since it then differs from
 * the latest stored row.
 */
public final class HistoryRepo {

    private static final String COLUMNS = "id, domain, at, result_json, reason";
    private static final String NEWEST_FIRST = " ORDER BY at DESC, id DESC";

    private final Tx tx;

    HistoryRepo(Tx tx) {
        this.tx = tx;
    }

    /**
     * Appends {@code resultJson} as the domain's state from {@code at}, unless it equals the
     * domain's latest stored result.
     *
     * @return true if a row was appended
     * @throws IllegalArgumentException if {@code at} is before the domain's latest row (history only
     *                                  grows forwards in time)
     * @throws SQLException             if the domain does not exist or the text is not JSON
     */
    public boolean appendIfChanged(String domain, Instant at, String resultJson, String reason) throws SQLException {
        Instant t = at.truncatedTo(ChronoUnit.MILLIS);
        String hash = Sql.sha256Hex(resultJson);
        Optional<Latest> last = Sql.one(tx.connection(), "SELECT at, result_sha256 FROM schedule_history WHERE domain = ?"
                + NEWEST_FIRST + " LIMIT 1", rs -> new Latest(Sql.instant(rs, "at"), rs.getString(2)), domain);
        if (last.isPresent() && t.isBefore(last.get().at)) {
            throw new IllegalArgumentException("history of " + domain + " is at " + last.get().at
                    + "; cannot append at the earlier " + t);
        }
        if (last.isPresent() && last.get().sha256.equals(hash)) {
            return false;
        }
        Sql.update(tx.connection(), "INSERT INTO schedule_history (domain, at, result_json, result_sha256, reason)"
                + " VALUES (?, ?, ?, ?, ?)", domain, t, resultJson, hash, reason);
        return true;
    }

    /** The domain's current schedule result as last stored. */
    public Optional<HistoryRow> latest(String domain) throws SQLException {
        return Sql.one(tx.connection(), "SELECT " + COLUMNS + " FROM schedule_history WHERE domain = ?" + NEWEST_FIRST
                + " LIMIT 1", HistoryRepo::map, domain);
    }

    /**
     * The rows with {@code from <= at < to}, oldest first, and the last row before {@code from}, so
     * that a replay knows the state at {@code from}.
     */
    public HistoryRange range(String domain, Instant from, Instant to) throws SQLException {
        Optional<HistoryRow> before = Sql.one(tx.connection(), "SELECT " + COLUMNS + " FROM schedule_history"
                + " WHERE domain = ? AND at < ?" + NEWEST_FIRST + " LIMIT 1", HistoryRepo::map, domain, from);
        return new HistoryRange(before, Sql.list(tx.connection(), "SELECT " + COLUMNS + " FROM schedule_history"
                + " WHERE domain = ? AND at >= ? AND at < ? ORDER BY at, id", HistoryRepo::map, domain, from, to));
    }

    /**
     * Retention: deletes the rows older than {@code cutoff} that a later row at or before the
     * cutoff supersedes. Each domain keeps its latest row, and the row in force at the cutoff, so
     * the state at any time from the cutoff on can still be told.
     *
     * @return how many rows were deleted
     */
    public int deleteOlderThan(Instant cutoff) throws SQLException {
        return Sql.update(tx.connection(), "DELETE FROM schedule_history WHERE at < ?1 AND EXISTS ("
                + "SELECT 1 FROM schedule_history AS n WHERE n.domain = schedule_history.domain AND n.at <= ?1"
                + " AND (n.at > schedule_history.at OR (n.at = schedule_history.at AND n.id > schedule_history.id)))",
                cutoff);
    }

    private static HistoryRow map(ResultSet rs) throws SQLException {
        return new HistoryRow(rs.getLong("id"), rs.getString("domain"), Sql.instant(rs, "at"),
                rs.getString("result_json"), rs.getString("reason"));
    }

    private record Latest(Instant at, String sha256) {
    }
}
