package io.lodestar.resolver.wire;

import io.lodestar.engine.model.EndpointValue;
import io.lodestar.engine.node.DomainEntry;
import io.lodestar.engine.node.Snapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The zone as one snapshot sees it: the static data (shared between snapshots with the same zone
 * file), the SOA (the file's, or generated with serial = snapshot version), the traffic-managed
 * names and their ancestors (so that they count as existing names), and the records of managed
 * answers, built on first use and kept for the snapshot's life. Reads take no lock.
 */
public final class ZoneView {

    /** Generated SOA timers (RFC 1912 §2.2 ranges); the minimum is the negative-caching TTL. */
    static final long SOA_TTL = 3600;
    static final long REFRESH = 3600;
    static final long RETRY = 600;
    static final long EXPIRE = 604_800;
    static final long NEGATIVE_TTL = 60;

    private final Snapshot snapshot;
    private final StaticZone zone;
    private final String origin;
    private final RrSet soa;
    private final RrSet negativeSoa;
    private final Set<String> managedTree;
    private final Optional<String> zoneFileError;
    private final ConcurrentHashMap<String, RrSet[]> managedAnswers = new ConcurrentHashMap<>();
    private final FastAnswers fastAnswers;

    ZoneView(Snapshot snapshot, StaticZone zone, Optional<String> zoneFileError) {
        this.snapshot = snapshot;
        this.zone = zone;
        this.origin = zone.origin();
        this.zoneFileError = zoneFileError;
        Name originName = StaticZone.name(origin);
        this.soa = zone.soa() != null ? zone.soa() : new RrSet(new SOARecord(originName, DClass.IN, SOA_TTL,
                Name.fromConstantString("ns1." + originName), Name.fromConstantString("hostmaster." + originName),
                snapshot.version() & 0xFFFF_FFFFL, REFRESH, RETRY, EXPIRE, NEGATIVE_TTL));
        SOARecord s = (SOARecord) soa.first();
        long negative = Math.min(s.getTTL(), s.getMinimum()); // RFC 2308 §3
        this.negativeSoa = new RrSet(new SOARecord(s.getName(), DClass.IN, negative, s.getHost(), s.getAdmin(),
                s.getSerial(), s.getRefresh(), s.getRetry(), s.getExpire(), s.getMinimum()));
        Set<String> tree = new HashSet<>();
        for (DomainEntry e : snapshot.domains()) {
            String n = Snapshot.normalise(e.domain().accessName(origin));
            while (n != null && Names.inZone(n, origin) && tree.add(n)) { // the name and its ancestors
                n = Names.parent(n);
            }
        }
        this.managedTree = tree;
        this.fastAnswers = FastAnswers.of(snapshot, origin);
    }

    Snapshot snapshot() {
        return snapshot;
    }

    StaticZone staticZone() {
        return zone;
    }

    /** The zone apex, key form. */
    public String origin() {
        return origin;
    }

    /** True when {@code name} (key form) is the apex or below it. */
    public boolean contains(String name) {
        return Names.inZone(name, origin);
    }

    /** Why the snapshot's zone file is not served (the generated apex is served instead), if so. */
    public Optional<String> zoneFileError() {
        return zoneFileError;
    }

    /** The SOA for the authority section of negative answers, TTL = min(SOA TTL, minimum) (RFC 2308 §3). */
    /**
     * A full zone transfer (RFC 5936 §2.2): the SOA, every other static RRset, the SOA again.
     * Traffic-managed names are not in it: their answers depend on who asks and on live health.
     */
    public java.util.List<RrSet> transfer() {
        java.util.List<RrSet> out = new java.util.ArrayList<>();
        out.add(soa);
        out.addAll(zone.allSets());
        out.add(soa);
        return out;
    }

    public RrSet negativeSoa() {
        return negativeSoa;
    }

    /** The managed names the fast path answers, with their records as bytes (ADR 0004). */
    public FastAnswers fastAnswers() {
        return fastAnswers;
    }

    /** What the static data says of (name, type); the apex SOA is this view's. */
    public ZoneOutcome find(String name, int qtype) {
        if ((qtype == Type.SOA || qtype == Type.ANY) && name.equals(origin)) {
            return new ZoneOutcome.Found(List.of(soa), List.of());
        }
        return zone.find(name, qtype, managedTree);
    }

    /**
     * The record answering endpoint {@code index} of a managed name's plan, owner = the access name,
     * TTL = the domain's. Built once per snapshot and endpoint; races build equal values, harmlessly.
     */
    public RrSet managedAnswer(String accessName, DomainEntry entry, int index) {
        RrSet[] sets = managedAnswers.get(accessName);
        if (sets == null) {
            sets = new RrSet[entry.plan().endpoints().size()];
            RrSet[] prior = managedAnswers.putIfAbsent(accessName, sets);
            if (prior != null) {
                sets = prior;
            }
        }
        RrSet s = sets[index];
        if (s == null) {
            s = new RrSet(record(StaticZone.name(accessName), entry.domain().ttl(), entry.plan().endpoint(index).value()));
            sets[index] = s;
        }
        return s;
    }

    /** One RRset of every listed endpoint's record (addresses of one family): a plan that answers all. */
    public RrSet managedAnswerAll(String accessName, DomainEntry entry, int[] indices) {
        java.util.List<Record> records = new java.util.ArrayList<>(indices.length);
        Name owner = StaticZone.name(accessName);
        for (int i : indices) {
            records.add(record(owner, entry.domain().ttl(), entry.plan().endpoint(i).value()));
        }
        return new RrSet(records);
    }

    static Record record(Name owner, long ttl, EndpointValue value) {
        switch (value.type()) {
            case A:
                return new ARecord(owner, DClass.IN, ttl, ((EndpointValue.A) value).address());
            case AAAA:
                return new AAAARecord(owner, DClass.IN, ttl, ((EndpointValue.Aaaa) value).address());
            case CNAME:
                return new CNAMERecord(owner, DClass.IN, ttl, StaticZone.name(value.text()));
            default:
                throw new AssertionError(value.type());
        }
    }
}
