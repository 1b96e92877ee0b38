package io.lodestar.resolver;

import io.lodestar.engine.model.EndpointType;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.plan.Distribution;
import io.lodestar.resolver.wire.DnsCodes;
import java.util.function.DoubleSupplier;

/**
 * Stage 8, pick: one weighted draw from the managed name's compiled plan for the client's group
 * and address (O(1), no allocation). Types a managed name does not hold (MX, TXT, …) and an empty
 * draw are NODATA with the SOA; an all-down SERVFAIL distribution (the domain's policy) is SERVFAIL. ANY is answered as A (RFC 8482 §4.1: one RRset is enough); a CNAME
 * query gets the CNAME only when the draw is a CNAME endpoint.
 */
final class PickStage implements Stage {

    private final DnsMetrics metrics;
    private final DoubleSupplier random;

    /** {@code random}: uniform in [0, 1), a thread-local generator outside tests. */
    PickStage(DnsMetrics metrics, DoubleSupplier random) {
        this.metrics = metrics;
        this.random = random;
    }

    /** "All" answers are one RRset: address records only (a name holds one CNAME, RFC 1034 §3.6.2). */
    private static boolean addressesOnly(io.lodestar.engine.plan.AnswerPlan plan, Distribution d) {
        for (int e : d.endpoints()) {
            if (plan.endpoint(e).type() == EndpointType.CNAME) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Flow run(QueryContext ctx) {
        Family family = ctx.family();
        if (family == null) {
            return ctx.negative(DnsCodes.NOERROR);
        }
        Distribution d = ctx.entry.plan().distribution(family, ctx.group, ctx.client);
        if (d.servfail()) {
            return ctx.fail(DnsCodes.SERVFAIL); // every candidate down and the domain's all-down policy says so
        }
        int i = d.pick(random.getAsDouble());
        if (i < 0 || (ctx.qtype == DnsCodes.CNAME && ctx.entry.plan().endpoint(i).type() != EndpointType.CNAME)) {
            return ctx.negative(DnsCodes.NOERROR);
        }
        ctx.picked = i;
        if (ctx.entry.plan().answersAll() && d.endpoints().length > 1 && addressesOnly(ctx.entry.plan(), d)) {
            ctx.pickedAll = d;
            for (int e : d.endpoints()) {
                metrics.answer(ctx.entry.plan().endpoint(e));
            }
            return Flow.NEXT;
        }
        metrics.answer(ctx.entry.plan().endpoint(i));
        return Flow.NEXT;
    }
}
