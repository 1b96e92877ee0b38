package io.lodestar.engine.api.client;

/** A contact and its channels (empty string when a channel is not set). */
public record ContactInfo(String name, String email, String phone, String webhook) {
}
