package io.lodestar.resolver;

import io.lodestar.engine.model.Endpoint;

/**
 * What the DNS server counts. Called on the query path: implementations must not block, lock or
 * allocate per call beyond a map lookup ({@link PrometheusDnsMetrics} caches its data points).
 */
public interface DnsMetrics {

    /** One answered query (every reply, errors included) by query type and final rcode (extended rcodes included). */
    void query(int qtype, int rcode);

    /** A traffic-managed answer gave this endpoint. */
    void answer(Endpoint endpoint);

    /** A reply went out with TC set (it did not fit the UDP payload). */
    void truncated();

    /** A packet got no reply (shorter than a header, a response, or a stuck pipeline). */
    void dropped();

    /** Counts nothing. */
    DnsMetrics NONE = new DnsMetrics() {
        @Override
        public void query(int qtype, int rcode) {
        }

        @Override
        public void answer(Endpoint endpoint) {
        }

        @Override
        public void truncated() {
        }

        @Override
        public void dropped() {
        }
    };
}
