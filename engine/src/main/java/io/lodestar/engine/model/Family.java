package io.lodestar.engine.model;

/** The address family a DNS query asks for: A queries are V4, AAAA queries are V6. */
public enum Family {
    V4, V6
}
