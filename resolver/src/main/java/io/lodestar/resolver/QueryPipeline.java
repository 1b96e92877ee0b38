package io.lodestar.resolver;

import io.lodestar.engine.node.Snapshot;
import io.lodestar.engine.plan.UserGroups;
import io.lodestar.resolver.wire.DnsCodes;
import io.lodestar.resolver.wire.ZoneViews;
import io.lodestar.resources.ip.IpLocator;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The order of the stages, written once (CoreDNS's plugin chain, dnsjava {@code jnamed}'s steps):
 *
 * <pre>
 *   fast path                                                     a plain UDP A/AAAA query for a
 *                                                                 managed name: answered here, or
 *   sanity → EDNS/ECS → zone guard                               once per query
 *   → managed name → static zone → domain status → locate client → pick → assemble
 *                                                                 per name of a CNAME chain
 *   → size/TC and write                                           once
 * </pre>
 *
 * The fast path ({@link FastPathStage}) answers the commonest query from bytes, byte for byte as
 * the stages below would (FastPathEquivalenceTest), and hands anything else to them untouched.
 * A stage ends the query early by answering (an error rcode, a static answer, NODATA …). The
 * snapshot is read once per query; nothing here locks, logs or touches a database. Thread-safe:
 * the stages hold only immutable collaborators.
 */
final class QueryPipeline {

    private final Supplier<Snapshot> snapshots;
    private final FastPathStage fast;
    private final List<Stage> once;
    private final List<Stage> perName;
    private final WriteStage writer;
    private final Problems problems;
    private final DnsMetrics metrics;

    QueryPipeline(DnsConfig config, Supplier<Snapshot> snapshots, ZoneViews views, IpLocator locator,
                  UserGroups groups, DnsMetrics metrics, QueryLog log, Problems problems) {
        this(config, snapshots, views, locator, groups, metrics, log, problems,
                () -> ThreadLocalRandom.current().nextDouble(), true);
    }

    /** For tests: {@code random} feeds the weighted draw; {@code fastPath} false runs every query through the stages. */
    QueryPipeline(DnsConfig config, Supplier<Snapshot> snapshots, ZoneViews views, IpLocator locator,
                  UserGroups groups, DnsMetrics metrics, QueryLog log, Problems problems, DoubleSupplier random,
                  boolean fastPath) {
        this.snapshots = snapshots;
        this.problems = problems;
        this.metrics = metrics;
        this.once = List.of(
                new SanityStage(),
                new EdnsStage(config.maxUdpPayload()),
                new ZoneGuardStage(views, config.transfers()));
        LocateClientStage locate = new LocateClientStage(locator, groups);
        this.fast = fastPath ? new FastPathStage(views, locate, random, metrics, log, config.maxUdpPayload()) : null;
        this.perName = List.of(
                new ManagedNameStage(),
                new StaticZoneStage(),
                new DomainStatusStage(),
                locate,
                new PickStage(metrics, random),
                new AssembleStage());
        this.writer = new WriteStage(config.maxUdpPayload(), metrics, log);
    }

    /**
     * Answers one packet ({@code packet[0..length)}) from {@code source}; null means no reply.
     * Never throws: a failing stage gives SERVFAIL, reported through {@link Problems}.
     */
    byte[] handle(byte[] packet, int length, Transport transport, InetAddress source) {
        Snapshot snapshot = snapshots.get();
        byte[] out = fast(snapshot, packet, length, transport, source);
        return out != null ? out : resolve(new QueryContext(snapshot, transport, source, packet, length), writer::write);
    }

    /** Counts a datagram the listener dropped without reading it (one too large to be a query). */
    void dropped() {
        metrics.dropped();
    }

    /**
     * As {@link #handle}, for a stream transport: the messages to send in order, several for a
     * zone transfer larger than one message, none when the query gets no reply.
     */
    List<byte[]> handleStream(byte[] packet, int length, Transport transport, InetAddress source) {
        Snapshot snapshot = snapshots.get();
        byte[] out = fast(snapshot, packet, length, transport, source);
        if (out != null) {
            return List.of(out);
        }
        List<byte[]> all = resolve(new QueryContext(snapshot, transport, source, packet, length), writer::writeStream);
        return all == null ? List.of() : all;
    }

    private byte[] fast(Snapshot snapshot, byte[] packet, int length, Transport transport, InetAddress source) {
        if (fast != null) {
            try {
                return fast.answer(snapshot, packet, length, transport, source);
            } catch (RuntimeException e) {
                problems.report("query failed on the fast path", e);
            }
        }
        return null;
    }

    private <T> T resolve(QueryContext ctx, Function<QueryContext, T> write) {
        try {
            Stage.Flow flow = run(once, ctx);
            for (int guard = 0; flow == Stage.Flow.NEXT || flow == Stage.Flow.FOLLOW; guard++) {
                flow = run(perName, ctx);
                if (guard > QueryContext.MAX_CHAIN) {
                    throw new IllegalStateException("CNAME chain did not end: " + ctx.name);
                }
            }
            return write.apply(ctx); // a DROP query gives null
        } catch (RuntimeException | StackOverflowError e) {
            problems.report("query failed", e);
            if (ctx.query == null) {
                return null;
            }
            try {
                return write.apply(serverFailure(ctx));
            } catch (RuntimeException f) {
                problems.report("SERVFAIL could not be written", f);
                return null;
            }
        }
    }

    private static Stage.Flow run(List<Stage> stages, QueryContext ctx) {
        for (int i = 0; i < stages.size(); i++) {
            Stage.Flow f = stages.get(i).run(ctx);
            if (f != Stage.Flow.NEXT) {
                return f;
            }
        }
        return Stage.Flow.NEXT;
    }

    private static QueryContext serverFailure(QueryContext ctx) {
        QueryContext fresh = new QueryContext(ctx.snapshot, ctx.transport, ctx.source, ctx.packet, ctx.length);
        fresh.query = ctx.query;
        fresh.limit = ctx.limit;
        fresh.reply.rcode(DnsCodes.SERVFAIL);
        return fresh;
    }
}
