package io.lodestar.resolver.wire;

import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.EndpointType;
import io.lodestar.engine.node.DomainEntry;
import io.lodestar.engine.node.Snapshot;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;

/**
 * The traffic-managed names a plain UDP query may be answered for by {@link FastQuery} without the
 * pipeline (ADR 0004, fast path), with each endpoint's answer record as bytes, built once per
 * snapshot. Names left out go through the pipeline: a stopped domain (REFUSED), a plan answering every
 * address at once (one RRset of several records), a plan with a CNAME
 * endpoint (the chain), a name outside the zone or with escapes in its labels. Immutable; lookups
 * are an open-addressing probe over the question's bytes, case-insensitive, without allocation.
 */
public final class FastAnswers {

    /** One name: its wire form in lower case, its key, its entry and one answer record per endpoint. */
    public static final class Managed {
        final byte[] wire;
        final int hash;
        final String key;
        final DomainEntry entry;
        /** [endpoint] → {@code C0 0C}, type, class, TTL, RDLENGTH, RDATA: the record dnsjava writes after the question. */
        final byte[][] records;
        final int longestRecord;

        Managed(byte[] wire, String key, DomainEntry entry, byte[][] records) {
            this.wire = wire;
            this.hash = FastQuery.hash(wire, 0, wire.length);
            this.key = key;
            this.entry = entry;
            this.records = records;
            int longest = 0;
            for (byte[] r : records) {
                longest = Math.max(longest, r.length);
            }
            this.longestRecord = longest;
        }

        /** The access name, key form (lower case, no final dot). */
        public String key() {
            return key;
        }

        public DomainEntry entry() {
            return entry;
        }
    }

    private final Managed[] table;
    private final int mask;

    private FastAnswers(List<Managed> names) {
        int size = Integer.highestOneBit(Math.max(4, names.size() * 2 + 1) * 2 - 1);
        this.table = new Managed[size];
        this.mask = size - 1;
        for (Managed m : names) {
            int i = m.hash & mask;
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
            table[i] = m;
        }
    }

    static FastAnswers of(Snapshot snapshot, String origin) {
        List<Managed> names = new ArrayList<>();
        for (DomainEntry e : snapshot.domains()) {
            String key = Snapshot.normalise(e.domain().accessName(origin));
            if (eligible(snapshot, key, e, origin)) {
                Name owner = StaticZone.name(key);
                byte[][] records = new byte[e.plan().endpoints().size()][];
                for (int i = 0; i < records.length; i++) {
                    byte[] full = ZoneView.record(owner, e.domain().ttl(), e.plan().endpoint(i).value())
                            .toWire(Section.ANSWER);
                    int nameLength = owner.length();
                    byte[] r = new byte[full.length - nameLength + 2];
                    r[0] = (byte) 0xC0;
                    r[1] = QueryDecoder.HEADER;
                    System.arraycopy(full, nameLength, r, 2, full.length - nameLength);
                    records[i] = r;
                }
                names.add(new Managed(owner.toWireCanonical(), key, e, records));
            }
        }
        return new FastAnswers(names);
    }

    private static boolean eligible(Snapshot snapshot, String key, DomainEntry e, String origin) {
        if (key.indexOf('\\') >= 0 || !Names.inZone(key, origin) || snapshot.lookup(key) != e
                || e.domain().status() == DomainStatus.STOP || e.plan().answersAll()) {
            return false;
        }
        for (Endpoint p : e.plan().endpoints()) {
            if (p.value().type() == EndpointType.CNAME) {
                return false;
            }
        }
        return true;
    }

    /** The managed name the parsed question asks for, in any case, or null. */
    public Managed find(byte[] packet, FastQuery q) {
        int length = q.nameEnd - QueryDecoder.HEADER;
        for (int i = q.nameHash & mask; ; i = (i + 1) & mask) {
            Managed m = table[i];
            if (m == null) {
                return null;
            }
            if (m.hash == q.nameHash && m.wire.length == length && FastQuery.sameName(packet, m.wire)) {
                return m;
            }
        }
    }
}
