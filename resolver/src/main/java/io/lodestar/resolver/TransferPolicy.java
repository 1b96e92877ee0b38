package io.lodestar.resolver;

import java.net.InetAddress;

/**
 * Who may ask for a zone transfer (AXFR/IXFR). Transfers are not served yet: every request is
 * REFUSED, and one allowed by the policy gets NOTIMP instead, so that an allow-list can later be
 * plugged in without touching the pipeline.
 */
@FunctionalInterface
public interface TransferPolicy {

    boolean allows(InetAddress client);

    /** The default: nobody. */
    TransferPolicy NONE = client -> false;
}
