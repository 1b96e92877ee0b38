package io.lodestar.engine.model;

/** Endpoint record types (seed: A, CNAME; Lodestar adds AAAA). */
public enum EndpointType {
    A, AAAA, CNAME;

    /** True if an endpoint of this type can answer a query of the given address family. */
    public boolean serves(Family family) {
        return this == CNAME || (this == A ? family == Family.V4 : family == Family.V6);
    }
}
