package io.lodestar.engine.config;

/**
 * A domain as {@code GET /v1/domains} shows it (seed fields).
 *
 * @param cname          the access name users CNAME to; empty for a non-ITM domain
 * @param status         "", start, stop, pause
 * @param monitorStatus  ok, fail, or "" (unknown)
 * @param resourceStatus STARTED or STOPPED
 * @param pausedBy       who paused switching ({@code status} pause through {@code /switching}), else ""
 * @param pausedAt       when (ISO-8601), else ""
 */
public record DomainView(String domain, String cname, String status, String monitorStatus, String resourceStatus,
                         boolean hasDistribution, int ttl, boolean itmDomain, String pausedBy, String pausedAt) {
}
