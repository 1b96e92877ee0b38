package io.lodestar.resolver;

import io.lodestar.engine.plan.UserGroups;
import io.lodestar.resolver.wire.ClientSubnet;
import io.lodestar.resources.ip.IpLocator;

/**
 * Stage 7, locate client (an "enrich" stage: it never answers). Once per query, only when a
 * managed name is answered for an address family: the client is the Client Subnet address when
 * the query has one with a source prefix above 0 (RFC 7871 §7.1.2), else the packet's source;
 * IPv4 (and IPv4-mapped) addresses are located by the IP database, IPv6 ones are "unknown" (the
 * bundled data has no IPv6), then folded into a user group. The ECS scope of the reply is the
 * source prefix: the answer was chosen for that subnet.
 */
final class LocateClientStage implements Stage {

    private final IpLocator locator;
    private final UserGroups groups;
    private final int unknownGroup;

    LocateClientStage(IpLocator locator, UserGroups groups) {
        this.locator = locator;
        this.groups = groups;
        this.unknownGroup = groupOf(locator.unknown());
    }

    @Override
    public Flow run(QueryContext ctx) {
        if (ctx.located || ctx.entry == null || ctx.family() == null) {
            return Flow.NEXT;
        }
        ClientSubnet ecs = ctx.query.ecs();
        byte[] client;
        if (ecs != null && ecs.sourcePrefix() > 0) {
            client = ecs.address();
            ctx.reply.ecsScope(ecs.sourcePrefix());
        } else {
            client = ctx.source.getAddress();
        }
        client = unmapped(client);
        ctx.client = client;
        ctx.group = client.length == 4 ? groupOfV4(toInt(client)) : unknownGroup;
        ctx.located = true;
        return Flow.NEXT;
    }

    /** The user group of an IPv4 address (also used by the fast path). */
    int groupOfV4(int address) {
        return groupOf(locator.locateV4(address));
    }

    /** The group of a client the IP database cannot locate (any IPv6 address). */
    int unknownGroup() {
        return unknownGroup;
    }

    private int groupOf(int packed) {
        int g = groups.index(IpLocator.areaIndex(packed), IpLocator.ispIndex(packed));
        return g >= 0 ? g : unknownGroup;
    }

    /** {@code ::ffff:a.b.c.d} → {@code a.b.c.d}; anything else unchanged. */
    static byte[] unmapped(byte[] a) {
        if (a.length != 16 || a[10] != (byte) 0xFF || a[11] != (byte) 0xFF) {
            return a;
        }
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return a;
            }
        }
        return new byte[] {a[12], a[13], a[14], a[15]};
    }

    static int toInt(byte[] b) {
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

}
