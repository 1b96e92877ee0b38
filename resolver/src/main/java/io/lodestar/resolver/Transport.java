package io.lodestar.resolver;

/** How a query arrived: decides the size limit of its answer (RFC 1035 §4.2, RFC 6891 §6.2.3). */
public enum Transport {
    UDP, TCP
}
