package io.lodestar.engine.api.client;

/**
 * How one channel of one contact took a test alert: {@code channel} {@code email}, {@code webhook} or
 * {@code phone}; {@code outcome} the node's word ({@code delivered}, {@code failed}, {@code no_channel});
 * {@code detail} what the server answered or why it failed.
 */
public record DeliveryInfo(String contact, String channel, String address, boolean ok, String outcome, String detail) {
}
