package io.lodestar.app.history;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Times as the history screen shows and reads them: local {@code yyyy-MM-dd HH:mm:ss}. */
final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {
    }

    static String text(Instant at) {
        return FORMAT.format(LocalDateTime.ofInstant(at, ZoneId.systemDefault()));
    }

    /** Parses {@code yyyy-MM-dd HH:mm[:ss]}; empty when it is not such a time. */
    static Optional<Instant> parse(String s) {
        String t = s.strip();
        if (t.length() == 16) {
            t = t + ":00";
        }
        try {
            return Optional.of(LocalDateTime.parse(t, FORMAT).atZone(ZoneId.systemDefault()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
