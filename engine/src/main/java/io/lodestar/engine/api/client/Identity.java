package io.lodestar.engine.api.client;

/** Who the client's token is: its name and role ({@code full}, {@code write} or {@code read}). */
public record Identity(String name, String role) {

    /** True if this token may change configuration ({@code write} or {@code full}). */
    public boolean mayWrite() {
        return role.equals("full") || role.equals("write");
    }

    /** True if this token may manage tokens ({@code full}). */
    public boolean mayManageTokens() {
        return role.equals("full");
    }
}
