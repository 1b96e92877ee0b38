package io.lodestar.engine.api.client;

/**
 * A domain's strategy in the seed's JSON, kept as text: the strategy editor parses it with the
 * engine's own reader, and writing it back goes through {@code update-or-create} unchanged.
 *
 * @param status the strategy's status as the node reports it ({@code ""} when none)
 */
public record StrategyDoc(String domain, String status, int rules, String json) {
}
