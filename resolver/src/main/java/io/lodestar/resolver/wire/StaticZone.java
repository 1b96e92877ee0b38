package io.lodestar.resolver.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The static records of the zone, from a BIND master file (parsed with dnsjava's {@link Master},
 * {@code $INCLUDE} disabled) plus generated NS and glue where the file has none, indexed for
 * RFC 1034 §4.3.2 lookups: zone cuts (referrals; DS answered at the parent side, RFC 4035 §3.1.4.1),
 * CNAMEs, wildcards by closest encloser (RFC 4592 §3.3.1), empty non-terminals (RFC 8020: they
 * exist). Immutable and lock-free; built once per zone-file text (dnsjava's {@code Zone} takes a
 * read lock per lookup and answers empty non-terminals with NXDOMAIN, so it is not used).
 * The SOA is kept apart ({@link #soa()}): when the file has none the view generates it per snapshot.
 */
final class StaticZone {

    private static final int MAX_RECORDS = 1_000_000;

    private final String origin;
    private final Map<String, Node> nodes;
    private final boolean hasCuts;
    private final boolean hasWildcards;
    private final RrSet soa;
    private final List<RrSet> apexGlue;

    /** The records at one name; an empty-non-terminal node has none. */
    private static final class Node {
        final RrSet[] sets;
        ZoneOutcome.Delegation referral;

        Node(RrSet[] sets) {
            this.sets = sets;
        }

        RrSet get(int type) {
            for (RrSet s : sets) {
                if (s.type() == type) {
                    return s;
                }
            }
            return null;
        }
    }

    private StaticZone(String origin, Map<String, Node> nodes, RrSet soa, List<RrSet> apexGlue) {
        this.origin = origin;
        this.nodes = nodes;
        this.soa = soa;
        this.apexGlue = apexGlue;
        boolean cuts = false;
        boolean wild = false;
        for (Map.Entry<String, Node> e : nodes.entrySet()) {
            cuts |= e.getValue().referral != null;
            wild |= e.getKey().startsWith("*.");
        }
        this.hasCuts = cuts;
        this.hasWildcards = wild;
    }

    /**
     * Parses master-file text with origin {@code origin} (key form). {@code nsAddress}, if not
     * null, is the glue of the generated {@code ns1.<zone>} when the file has no apex NS.
     */
    static StaticZone parse(String origin, String text, InetAddress nsAddress) throws ZoneFileException {
        Name originName = name(origin);
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), originName, 3600)) {
            master.disableIncludes(true); // a zone from the API must not read local files
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                if (records.size() >= MAX_RECORDS) {
                    throw new ZoneFileException("zone file: more than " + MAX_RECORDS + " records");
                }
                records.add(r);
            }
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage()).replaceFirst("^<none>:(\\d+):", "line $1:");
            throw new ZoneFileException("zone file: " + why, e);
        }
        return build(origin, originName, records, nsAddress);
    }

    /** The zone without a file: generated NS and glue only. */
    static StaticZone generated(String origin, InetAddress nsAddress) {
        try {
            return build(origin, name(origin), List.of(), nsAddress);
        } catch (ZoneFileException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StaticZone build(String origin, Name originName, List<Record> input, InetAddress nsAddress)
            throws ZoneFileException {
        Map<String, Map<Integer, List<Record>>> byName = new LinkedHashMap<>();
        for (Record r : input) {
            check(r, originName);
            byName.computeIfAbsent(RrSet.key(r.getName()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.getRRsetType(), k -> new ArrayList<>()).add(r);
        }
        Map<Integer, List<Record>> apex = byName.computeIfAbsent(origin, k -> new LinkedHashMap<>());
        if (!apex.containsKey(Type.NS)) {
            Name ns1 = Name.fromConstantString("ns1." + originName);
            apex.put(Type.NS, List.of(new NSRecord(originName, DClass.IN, 3600, ns1)));
            if (nsAddress != null && !byName.containsKey("ns1." + origin)) {
                Record glue = nsAddress instanceof Inet4Address
                        ? new ARecord(ns1, DClass.IN, 3600, nsAddress)
                        : new AAAARecord(ns1, DClass.IN, 3600, (Inet6Address) nsAddress);
                byName.put("ns1." + origin, new LinkedHashMap<>(Map.of(glue.getType(), List.of(glue))));
            }
        }
        List<Record> soaRecords = apex.remove(Type.SOA);
        if (soaRecords != null && soaRecords.size() > 1) {
            throw new ZoneFileException("zone file: more than one SOA at " + originName);
        }
        Map<String, Node> nodes = new HashMap<>();
        for (Map.Entry<String, Map<Integer, List<Record>>> e : byName.entrySet()) {
            Map<Integer, List<Record>> types = e.getValue();
            if (types.containsKey(Type.CNAME) && types.size() > 1) {
                throw new ZoneFileException("zone file: CNAME and other data at " + e.getKey() + " (RFC 1034 §3.6.2)");
            }
            if (types.containsKey(Type.CNAME) && e.getKey().equals(origin)) {
                throw new ZoneFileException("zone file: CNAME at the zone apex " + origin);
            }
            List<RrSet> sets = new ArrayList<>();
            types.values().forEach(rs -> sets.add(new RrSet(rs)));
            nodes.put(e.getKey(), new Node(sets.toArray(new RrSet[0])));
        }
        for (String name : new ArrayList<>(nodes.keySet())) { // empty non-terminals up to the apex
            for (String p = Names.parent(name); p != null && !name.equals(origin) && Names.inZone(p, origin); p = Names.parent(p)) {
                if (nodes.putIfAbsent(p, new Node(new RrSet[0])) != null) {
                    break;
                }
            }
        }
        for (Map.Entry<String, Node> e : nodes.entrySet()) {
            RrSet ns = e.getValue().get(Type.NS);
            if (ns != null && !e.getKey().equals(origin)) {
                e.getValue().referral = new ZoneOutcome.Delegation(ns, glue(ns, e.getKey(), nodes));
            }
        }
        RrSet soa = soaRecords == null ? null : new RrSet(soaRecords);
        return new StaticZone(origin, nodes, soa, glue(nodes.get(origin).get(Type.NS), origin, nodes));
    }

    private static void check(Record r, Name origin) throws ZoneFileException {
        String what = r.getName() + " " + Type.string(r.getType());
        if (r.getDClass() != DClass.IN) {
            throw new ZoneFileException("zone file: " + what + ": class " + DClass.string(r.getDClass()) + ", only IN is served");
        }
        if (!r.getName().subdomain(origin)) {
            throw new ZoneFileException("zone file: " + what + " is outside the zone " + origin);
        }
        if (r.getType() == Type.SOA && !r.getName().equals(origin)) {
            throw new ZoneFileException("zone file: " + what + ": an SOA belongs at the apex " + origin);
        }
        if (!Type.isRR(r.getType()) || r.getType() == Type.OPT) {
            throw new ZoneFileException("zone file: " + what + ": a meta type cannot be served");
        }
    }

    /** A and AAAA of the NS targets at or below {@code below} (in-bailiwick glue, RFC 9471). */
    private static List<RrSet> glue(RrSet ns, String below, Map<String, Node> nodes) {
        List<RrSet> out = new ArrayList<>();
        for (Record r : ns.records()) {
            String target = RrSet.key(((NSRecord) r).getTarget());
            Node n = Names.inZone(target, below) ? nodes.get(target) : null;
            if (n != null) {
                for (int type : new int[] {Type.A, Type.AAAA}) {
                    RrSet s = n.get(type);
                    if (s != null) {
                        out.add(s);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    static Name name(String key) {
        try {
            return Name.fromString(key + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a domain name: " + key, e);
        }
    }

    String origin() {
        return origin;
    }

    /** The file's SOA, or null when the view must generate one. */
    /** Every RRset of the zone except the SOA, apex first, then names in order (for a transfer). */
    java.util.List<RrSet> allSets() {
        java.util.List<RrSet> out = new java.util.ArrayList<>();
        java.util.List<String> names = new java.util.ArrayList<>(nodes.keySet());
        names.sort((a, b) -> a.equals(origin) ? -1 : b.equals(origin) ? 1 : a.compareTo(b));
        for (String n : names) {
            for (RrSet set : nodes.get(n).sets) {
                if (set.type() != Type.SOA) {
                    out.add(set);
                }
            }
        }
        return out;
    }

    RrSet soa() {
        return soa;
    }

    boolean exists(String name) {
        return nodes.containsKey(name);
    }

    /**
     * RFC 1034 §4.3.2 step 3 for a name in the zone. {@code alsoExisting} holds names that exist
     * outside this data (the traffic-managed names and their ancestors), for empty non-terminals and
     * for the closest encloser of a wildcard.
     */
    ZoneOutcome find(String name, int qtype, Set<String> alsoExisting) {
        if (hasCuts) {
            ZoneOutcome.Delegation d = referral(name, qtype);
            if (d != null) {
                return d;
            }
        }
        Node n = nodes.get(name);
        if (n != null) {
            return atNode(n, name, qtype, null);
        }
        if (alsoExisting.contains(name)) {
            return ZoneOutcome.NoData.INSTANCE;
        }
        if (hasWildcards) {
            String ce = Names.parent(name);
            while (ce != null && !ce.equals(origin) && !nodes.containsKey(ce) && !alsoExisting.contains(ce)) {
                ce = Names.parent(ce);
            }
            Node wild = ce == null ? null : nodes.get("*." + ce);
            if (wild != null) {
                return atNode(wild, name, qtype, name(name));
            }
        }
        return ZoneOutcome.NxDomain.INSTANCE;
    }

    /** The highest zone cut at or above {@code name} (not the cut itself for DS: parent side). */
    private ZoneOutcome.Delegation referral(String name, int qtype) {
        ZoneOutcome.Delegation found = null;
        for (String a = qtype == Type.DS ? Names.parent(name) : name; a != null && !a.equals(origin); a = Names.parent(a)) {
            Node n = nodes.get(a);
            if (n != null && n.referral != null) {
                found = n.referral;
            }
        }
        return found;
    }

    private ZoneOutcome atNode(Node n, String name, int qtype, Name synthesise) {
        RrSet cname = n.get(Type.CNAME);
        if (cname != null && qtype != Type.CNAME) {
            String target = RrSet.key(((CNAMERecord) cname.first()).getTarget());
            return new ZoneOutcome.Cname(synthesise == null ? cname : cname.withOwner(synthesise), target);
        }
        RrSet s = qtype == Type.ANY ? minimalAny(n) : n.get(qtype);
        if (s == null) {
            return ZoneOutcome.NoData.INSTANCE;
        }
        List<RrSet> additional = qtype == Type.NS && name.equals(origin) ? apexGlue : List.of();
        return new ZoneOutcome.Found(List.of(synthesise == null ? s : s.withOwner(synthesise)), additional);
    }

    /** RFC 8482 §4.1: ANY gets one RRset, A or AAAA when present, else the first of the name. */
    private static RrSet minimalAny(Node n) {
        RrSet s = n.get(Type.A);
        if (s == null) {
            s = n.get(Type.AAAA);
        }
        return s != null || n.sets.length == 0 ? s : n.sets[0];
    }
}
