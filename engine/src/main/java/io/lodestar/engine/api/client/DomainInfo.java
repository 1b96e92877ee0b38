package io.lodestar.engine.api.client;

/**
 * A domain as {@code GET /v1/domains} lists it (the seed's columns).
 *
 * @param status {@code ""} (never started), {@code start}, {@code stop} or {@code pause}
 */
public record DomainInfo(String domain, String cname, String status, String monitorStatus, String resourceStatus,
                         boolean hasDistribution, boolean itmDomain, int ttl) {

    /** The record line to add at the user's DNS host so the domain is answered by this node. */
    public String cnameRecord() {
        return domain + ". " + ttl + " IN CNAME " + cname + ".";
    }
}
