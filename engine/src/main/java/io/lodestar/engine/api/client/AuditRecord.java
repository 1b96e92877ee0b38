package io.lodestar.engine.api.client;

/** One audit log entry; {@code before} and {@code after} are JSON text ({@code ""} when absent). */
public record AuditRecord(long id, String at, String actor, String action, String target, String before, String after) {
}
