package io.lodestar.engine.cluster;

/** A snapshot a member will not apply, with the reason in words (bad checksum, older number, wrong control…). */
public final class SnapshotRefused extends Exception {

    /** Why: decides the API status the pusher sees. */
    public enum Why { CORRUPT, STALE, FOREIGN, INVALID }

    private final Why why;

    public SnapshotRefused(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
