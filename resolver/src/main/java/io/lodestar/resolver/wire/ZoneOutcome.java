package io.lodestar.resolver.wire;

import java.util.List;

/**
 * What the zone's data says about one (name, type), RFC 1034 §4.3.2 step 3 and RFC 4592: a closed
 * set in place of dnsjava's {@code SetResponse} flags. Operations are visitors (Java 17 has no
 * pattern switch). The negative cases carry no SOA: {@link ZoneView#negativeSoa()} gives it.
 */
public sealed interface ZoneOutcome {

    <R, C> R accept(Visitor<R, C> visitor, C context);

    /** One method per outcome; {@code C} is the caller's context, passed through without allocation. */
    interface Visitor<R, C> {
        R found(Found found, C context);

        R cname(Cname cname, C context);

        R noData(C context);

        R nxDomain(C context);

        R delegation(Delegation delegation, C context);
    }

    /** The name holds the type (§4.3.2 3.a), possibly synthesised from a wildcard. */
    record Found(List<RrSet> answer, List<RrSet> additional) implements ZoneOutcome {
        public Found {
            answer = List.copyOf(answer);
            additional = List.copyOf(additional);
        }

        @Override
        public <R, C> R accept(Visitor<R, C> v, C c) {
            return v.found(this, c);
        }
    }

    /** The name is an alias (§4.3.2 3.a, CNAME); the caller restarts at {@code target}. */
    record Cname(RrSet cname, String target) implements ZoneOutcome {
        @Override
        public <R, C> R accept(Visitor<R, C> v, C c) {
            return v.cname(this, c);
        }
    }

    /** The name exists (also as an empty non-terminal) but has no data of the type: RFC 2308 §2.2. */
    record NoData() implements ZoneOutcome {
        static final NoData INSTANCE = new NoData();

        @Override
        public <R, C> R accept(Visitor<R, C> v, C c) {
            return v.noData(c);
        }
    }

    /** No such name and no wildcard covers it: RFC 2308 §2.1. */
    record NxDomain() implements ZoneOutcome {
        static final NxDomain INSTANCE = new NxDomain();

        @Override
        public <R, C> R accept(Visitor<R, C> v, C c) {
            return v.nxDomain(c);
        }
    }

    /** The name lies at or below a zone cut (§4.3.2 3.b): a referral, NS in authority, glue in additional. */
    record Delegation(RrSet ns, List<RrSet> glue) implements ZoneOutcome {
        public Delegation {
            glue = List.copyOf(glue);
        }

        @Override
        public <R, C> R accept(Visitor<R, C> v, C c) {
            return v.delegation(this, c);
        }
    }
}
