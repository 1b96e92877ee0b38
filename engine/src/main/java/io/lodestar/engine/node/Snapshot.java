package io.lodestar.engine.node;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a node answers from, immutable: published through one atomic reference and read once
 * per query (gdnsd style), so a configuration or health change is visible to the next query and no
 * query ever sees half of one.
 *
 * <p>Names are lower case, absolute, without the final dot: the zone {@code gtm.lodestar.test},
 * access names {@code www.example.com.gtm.lodestar.test}.
 */
public final class Snapshot {

    private final long version;
    private final String zone;
    private final Map<String, DomainEntry> byAccessName;
    private final Optional<String> zoneFile;

    public Snapshot(long version, String zone, Map<String, DomainEntry> byAccessName, Optional<String> zoneFile) {
        this.version = version;
        this.zone = normalise(Objects.requireNonNull(zone, "zone"));
        this.byAccessName = Map.copyOf(byAccessName);
        this.zoneFile = Objects.requireNonNull(zoneFile, "zoneFile");
    }

    /** Lower case, no final dot. */
    public static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** Increases with every publish; the SOA serial. */
    public long version() {
        return version;
    }

    /** The access zone this node is authoritative for. */
    public String zone() {
        return zone;
    }

    /** The traffic-managed domain answering at this name (normalised), or null. */
    public DomainEntry lookup(String name) {
        return byAccessName.get(name);
    }

    public Collection<DomainEntry> domains() {
        return byAccessName.values();
    }

    /** Static records of the zone as BIND master-file text (CONTRACT §1 {@code --zone-file}), if any. */
    public Optional<String> zoneFile() {
        return zoneFile;
    }
}
