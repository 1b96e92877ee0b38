package io.lodestar.engine.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC moves every repository makes, so each repository reads as its SQL. Times are stored
 * as Unix epoch milliseconds, booleans as 0/1 and absent optionals as SQL NULL.
 */
final class Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Runs an INSERT and returns the new row's id. */
    static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        }
        return one(c, "SELECT last_insert_rowid()", rs -> rs.getLong(1)).orElseThrow();
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        List<T> all = list(c, sql, row, args);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i] instanceof Optional ? ((Optional<?>) args[i]).orElse(null) : args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (a instanceof Instant) {
                ps.setLong(i + 1, millis((Instant) a));
            } else if (a instanceof Boolean) {
                ps.setInt(i + 1, (Boolean) a ? 1 : 0);
            } else if (a instanceof Integer || a instanceof Long) {
                ps.setLong(i + 1, ((Number) a).longValue());
            } else if (a instanceof String) {
                ps.setString(i + 1, (String) a);
            } else {
                throw new IllegalArgumentException("cannot bind " + a.getClass().getName());
            }
        }
    }

    static long millis(Instant t) {
        return t.toEpochMilli();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }

    static Optional<Instant> optInstant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    static Optional<String> optText(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static boolean bool(ResultSet rs, String column) throws SQLException {
        return rs.getInt(column) != 0;
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    static String sha256Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Joins list items for a text column, refusing items that would not split back the same. */
    static String join(List<String> items, String sep, String what) {
        for (String s : items) {
            if (s.isEmpty() || s.contains(sep)) {
                throw new IllegalArgumentException(what + " must be non-empty and free of '" + sep + "': '" + s + "'");
            }
        }
        return String.join(sep, items);
    }

    static List<String> split(String text, String sep) {
        return text.isEmpty() ? List.of() : List.of(text.split(java.util.regex.Pattern.quote(sep), -1));
    }
}
