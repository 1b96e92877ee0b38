package io.lodestar.engine.api.client;

/**
 * An API token without its secret. {@code secret} is set only in the answer to creating one,
 * the single time the node shows it; elsewhere it is empty.
 */
public record TokenInfo(String name, String role, String createdAt, String lastUsedAt, String secret) {
}
