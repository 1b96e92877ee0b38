package io.lodestar.engine.cluster;

import io.lodestar.engine.node.ReloadReason;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestar.engine.config.ZoneService;
import io.lodestar.engine.node.Publisher;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.store.Store;
import io.lodestar.engine.validate.ValidationException;
import io.lodestar.resources.region.Regions;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots in and out of this node's store (ADR 0007). On the control node: read the replicated
 * configuration, and when it differs from the last snapshot, number, seal and store a new one. On a
 * member: verify a snapshot (checksum, number, origin, every rule), store it durably, then write it
 * into the store in one transaction and publish; anything wrong refuses it whole and changes nothing.
 */
final class Replication {

    private static final Logger LOG = LoggerFactory.getLogger(Replication.class);

    private final Store store;
    private final Publisher publisher;
    private final ZoneService zone;
    private final String zoneName;
    private final SnapshotCodec codec;
    private final SnapshotFile file;
    private final ConfigExport export;
    private final ConfigImport importer;
    private final Clock clock;
    private final AtomicReference<Optional<ClusterSnapshot>> current = new AtomicReference<>(Optional.empty());
    /** Control: each domain's tree as last exported, so a change re-reads only the domains it touched. */
    private final java.util.Map<String, ObjectNode> exported = new java.util.HashMap<>();
    /** The current snapshot's canonical bytes, made once (every push and pull sends them). */
    private volatile byte[] wire = new byte[0];

    Replication(Store store, Publisher publisher, ZoneService zone, String zoneName, Regions regions, SeedJson seedJson,
                SnapshotFile file, SnapshotCodec codec, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.zone = zone;
        this.zoneName = zoneName;
        this.codec = codec;
        this.file = file;
        this.clock = clock;
        ObjectMapper mapper = codec.mapper();
        this.export = new ConfigExport(mapper);
        this.importer = new ConfigImport(mapper, regions, seedJson, codec);
    }

    /** The snapshot in force (built here on a control node, applied here on a member). */
    Optional<ClusterSnapshot> current() {
        return current.get();
    }

    /** The version of the answers this node serves now (its publisher's snapshot). */
    long servedVersion() {
        return publisher.current().version();
    }

    long version() {
        return current.get().map(ClusterSnapshot::version).orElse(0L);
    }

    /** Reads the stored snapshot at start; a damaged file is reported and ignored (the store still holds the last apply). */
    Optional<ClusterSnapshot> load() {
        try {
            Optional<ClusterSnapshot> s = file.read();
            wire = s.map(codec::write).orElse(new byte[0]);
            current.set(s);
            return s;
        } catch (IOException | SnapshotRefused e) {
            LOG.error("{}: not used: {}", file.path(), e.getMessage());
            return Optional.empty();
        }
    }

    byte[] wire() {
        return wire;
    }

    /**
     * Control: a new snapshot if the configuration changed since the last one; numbers continue from
     * {@code last}. {@code dirty}: the domains changed since the last build (empty: read all).
     */
    synchronized Optional<ClusterSnapshot> build(String controlId, long last, List<ConfigExport.Point> points,
                                                 Optional<Set<String>> dirty) throws IOException {
        Optional<String> zoneFile = zone.current();
        Optional<Set<String>> read = exported.isEmpty() ? Optional.empty() : dirty;
        ObjectNode config = store.read(tx -> export.export(tx, zoneName, zoneFile, points, exported, read));
        Optional<ClusterSnapshot> prev = current.get();
        if (prev.isPresent() && prev.get().config().equals(config)) {
            return Optional.empty();
        }
        long version = Math.max(last, prev.map(ClusterSnapshot::version).orElse(0L)) + 1;
        ClusterSnapshot s = codec.seal(version, controlId, clock.instant(), config);
        byte[] bytes = codec.write(s);
        file.write(bytes);
        wire = bytes;
        current.set(Optional.of(s));
        return Optional.of(s);
    }

    /**
     * Member: verifies and applies a snapshot from the pinned control node. Returns true if it was
     * applied, false if this node has it already.
     */
    synchronized boolean accept(byte[] received, String controlId) throws SnapshotRefused, IOException {
        ClusterSnapshot s = codec.read(received);
        if (!s.controlId().equals(controlId)) {
            throw new SnapshotRefused(SnapshotRefused.Why.FOREIGN, "snapshot " + s.version() + " comes from control node "
                    + s.controlId() + "; this node accepts configuration only from " + controlId);
        }
        Optional<ClusterSnapshot> have = current.get();
        if (have.isPresent() && s.version() == have.get().version() && s.sha256().equals(have.get().sha256())) {
            return false;
        }
        // numbers are per control node: a member moved to another control node takes its numbering
        if (have.isPresent() && have.get().controlId().equals(s.controlId()) && s.version() <= have.get().version()) {
            throw new SnapshotRefused(SnapshotRefused.Why.STALE, "snapshot " + s.version() + " is not newer than snapshot "
                    + have.get().version() + " in force here");
        }
        long t0 = System.nanoTime();
        ConfigImport.Checked checked = check(s, have.map(ClusterSnapshot::config));
        long t1 = System.nanoTime();
        byte[] bytes = codec.write(s);
        file.write(bytes);                  // durable before it is used
        long t2 = System.nanoTime();
        int changed = apply(checked, "snapshot " + s.version() + " applied");
        wire = bytes;
        current.set(Optional.of(s));
        LOG.info("snapshot {} applied: {} domains changed; check {} ms, fsync {} ms, store + compile {} ms", s.version(),
                changed, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        return true;
    }

    /** Member start: makes the store match the last good snapshot on disk (a crash may have come between file and store). */
    synchronized void restore() {
        Optional<ClusterSnapshot> s = load();
        if (s.isEmpty()) {
            return;
        }
        try {
            apply(check(s.get(), Optional.empty()), "snapshot " + s.get().version() + " restored");
        } catch (SnapshotRefused | IOException e) {
            LOG.error("snapshot {} on disk not applied: {}", s.get().version(), e.getMessage());
        }
    }

    /** The monitor points a snapshot names (control and members). */
    List<ConfigExport.Point> points() {
        return current.get().map(s -> importer.pointsOf(s.config())).orElse(List.of());
    }

    private ConfigImport.Checked check(ClusterSnapshot s, Optional<ObjectNode> inForce) throws SnapshotRefused {
        ConfigImport.Checked c = importer.check(s.config(), inForce);
        if (!c.zone().equals(zoneName)) {
            throw new SnapshotRefused(SnapshotRefused.Why.INVALID, "snapshot " + s.version() + " is for zone " + c.zone()
                    + "; this node serves " + zoneName + " (start it with the control node's --zone)");
        }
        return c;
    }

    private int apply(ConfigImport.Checked c, String reason) throws IOException, SnapshotRefused {
        Set<String> changed = store.transaction(tx -> importer.apply(tx, c, export));
        if (!changed.isEmpty()) {
            publisher.reload(changed, ReloadReason.changed(reason));
        }
        if (!c.zoneFile().equals(zone.current())) {
            try {
                zone.put("control", c.zoneFile().orElse(""));
            } catch (ValidationException e) {
                throw new SnapshotRefused(SnapshotRefused.Why.INVALID, "zone file: " + e.getMessage());
            }
        }
        return changed.size();
    }
}
