package io.lodestar.resolver;

import java.net.InetAddress;

/**
 * Who may ask for a zone transfer (AXFR/IXFR): everyone else is REFUSED. The node builds it from
 * {@code --axfr-allow}; an allowed client gets the whole static zone over TCP (NOTIMP over UDP).
 */
@FunctionalInterface
public interface TransferPolicy {

    boolean allows(InetAddress client);

    /** The default: nobody. */
    TransferPolicy NONE = client -> false;
}
