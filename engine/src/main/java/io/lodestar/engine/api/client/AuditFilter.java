package io.lodestar.engine.api.client;

import java.util.Objects;

/**
 * Which audit entries {@link NodeClient#audit(AuditFilter, int, int)} asks for; an empty string
 * means any. {@code domain} matches the domain and its endpoints; {@code action} one action
 * ({@code endpoint.add}) or a family ({@code endpoint}); {@code from} and {@code to} are ISO-8601
 * instants, {@code [from, to)}.
 */
public record AuditFilter(String domain, String actor, String action, String from, String to) {

    public AuditFilter {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** Every entry. */
    public static AuditFilter any() {
        return new AuditFilter("", "", "", "", "");
    }
}
