package io.lodestar.engine.api.client;

/** One published version of a domain's strategy ({@code note} e.g. "rollback to 3", or empty). */
public record StrategyVersion(long version, String publishedAt, String actor, String note) {
}
