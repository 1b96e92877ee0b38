package io.lodestar.engine.notify;

/** The ways a contact can be reached; a contact may have several. */
public enum ChannelKind {
    EMAIL("email"),
    WEBHOOK("webhook"),
    /** Stored with the contact, but no SMS or voice channel exists yet. */
    PHONE("phone");

    private final String wire;

    ChannelKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
