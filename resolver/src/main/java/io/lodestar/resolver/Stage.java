package io.lodestar.resolver;

/**
 * One step of the query pipeline ({@link QueryPipeline} holds the order). A stage reads and
 * enriches the {@link QueryContext}; it never writes bytes.
 */
interface Stage {

    /** What the pipeline does after a stage. */
    enum Flow {
        /** Go on with the next stage. */
        NEXT,
        /** The reply is complete: go to the writer. */
        ANSWER,
        /** A CNAME led to {@code ctx.name} inside the zone: run the name stages again for it. */
        FOLLOW,
        /** No reply at all. */
        DROP
    }

    Flow run(QueryContext ctx);
}
