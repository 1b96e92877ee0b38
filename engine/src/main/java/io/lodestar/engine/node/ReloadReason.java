package io.lodestar.engine.node;

import java.util.Objects;

/**
 * Why the publisher re-reads domains from the store: the text goes to the schedule-result history
 * row, and a {@link Published} reason (a strategy was published) also raises the {@code published}
 * alert. A type, not a string to search, so a reason that happens to say "published" alerts no one.
 */
public sealed interface ReloadReason permits ReloadReason.Changed, ReloadReason.Published {

    /** The reason as the history and the alert show it. */
    String text();

    /** True if contact groups hear of it as a newly published strategy (event {@code published}). */
    boolean announced();

    /** Configuration changed (endpoints, monitor, traffic documents, a replicated snapshot…). */
    record Changed(String text) implements ReloadReason {
        public Changed {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public boolean announced() {
            return false;
        }
    }

    /** A strategy was published (by a user or the recommendation). */
    record Published(String text) implements ReloadReason {
        public Published {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public boolean announced() {
            return true;
        }
    }

    static ReloadReason changed(String text) {
        return new Changed(text);
    }

    static ReloadReason published(String text) {
        return new Published(text);
    }
}
