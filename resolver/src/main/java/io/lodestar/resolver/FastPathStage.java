package io.lodestar.resolver;

import io.lodestar.engine.model.Family;
import io.lodestar.engine.node.Snapshot;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.Distribution;
import io.lodestar.resolver.wire.DnsCodes;
import io.lodestar.resolver.wire.FastAnswers;
import io.lodestar.resolver.wire.FastQuery;
import io.lodestar.resolver.wire.ZoneViews;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.function.DoubleSupplier;

/**
 * Stage 0, the fast path (ADR 0004): the common query, a plain UDP A/AAAA question (see
 * {@link FastQuery}) for a traffic-managed name of a domain that is not stopped and has no CNAME
 * endpoint, answered straight from bytes: the same locate, draw and metrics as the stages, then
 * the query's header and question with the precomputed record and OPT appended. Gives up (null,
 * the pipeline answers) before the draw whenever anything does not fit: another shape of query,
 * an empty distribution (NODATA), an IPv6 source without ECS. No lock; allocates only the reply.
 */
final class FastPathStage {

    private static final ThreadLocal<FastQuery> SCRATCH = ThreadLocal.withInitial(FastQuery::new);

    private final ZoneViews views;
    private final LocateClientStage locate;
    private final DoubleSupplier random;
    private final DnsMetrics metrics;
    private final QueryLog log;
    private final int maxUdpPayload;

    FastPathStage(ZoneViews views, LocateClientStage locate, DoubleSupplier random, DnsMetrics metrics,
                  QueryLog log, int maxUdpPayload) {
        this.views = views;
        this.locate = locate;
        this.random = random;
        this.metrics = metrics;
        this.log = log;
        this.maxUdpPayload = maxUdpPayload;
    }

    /** The reply, or null: the pipeline answers this query. */
    byte[] answer(Snapshot snapshot, byte[] packet, int length, Transport transport, InetAddress source) {
        FastQuery q;
        if (transport != Transport.UDP || !(q = SCRATCH.get()).parse(packet, length)) {
            return null;
        }
        FastAnswers.Managed name = views.of(snapshot).fastAnswers().find(packet, q);
        int limit = q.hasEdns() ? Math.max(512, Math.min(q.udpPayload(), maxUdpPayload)) : 512;
        if (name == null || q.replyLength(name) > limit) {
            return null;
        }
        byte[] client;
        int group;
        if (q.hasEcs() && q.ecsSource() > 0) {
            client = q.ecsClient(packet);
            group = client.length == 4 ? locate.groupOfV4(LocateClientStage.toInt(client)) : locate.unknownGroup();
        } else if (source instanceof Inet4Address) {
            int address = source.hashCode(); // Inet4Address: the address itself, without copying it
            client = q.v4(address);
            group = locate.groupOfV4(address);
        } else {
            return null;
        }
        AnswerPlan plan = name.entry().plan();
        Distribution d = plan.distribution(q.qtype() == DnsCodes.A ? Family.V4 : Family.V6, group, client);
        if (d.isEmpty()) {
            return null;
        }
        int i = d.pick(random.getAsDouble());
        metrics.answer(plan.endpoint(i));
        byte[] out = q.reply(packet, name, i, maxUdpPayload);
        metrics.query(q.qtype(), DnsCodes.NOERROR);
        if (log != null && log.sampled()) {
            String ecs = q.hasEcs() ? QueryLog.ecsText(q.ecsAddress(packet), q.ecsSource()) : null;
            log.add(source, transport, name.key(), q.qtype(), DnsCodes.NOERROR, ecs, plan.endpoint(i).key());
        }
        return out;
    }
}
