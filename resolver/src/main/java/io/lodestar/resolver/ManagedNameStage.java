package io.lodestar.resolver;

/**
 * Stage 4, managed name: is {@code ctx.name} a traffic-managed access name of the snapshot? A
 * managed name owns its name: static records at the same name are not served.
 */
final class ManagedNameStage implements Stage {

    @Override
    public Flow run(QueryContext ctx) {
        ctx.entry = ctx.snapshot.lookup(ctx.name);
        ctx.picked = -1;
        return Flow.NEXT;
    }
}
