package io.lodestar.resolver.wire;

import io.lodestar.engine.node.Snapshot;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@link ZoneView} of the current snapshot, rebuilt only when the snapshot changes; the zone
 * file is parsed only when its text changes (same string, or an equal one). Lock-free: two threads
 * seeing a new snapshot at once may both build a view, and one wins; both are equal.
 */
public final class ZoneViews {

    private final InetAddress nsAddress;
    private final Consumer<String> zoneFileProblems;
    private volatile ZoneView last;
    private volatile Parsed parsed;

    /** A parsed zone file and the text and zone it came from. */
    private record Parsed(String zone, String text, StaticZone staticZone, Optional<String> error) {
        boolean sameSource(String z, String t) {
            return zone.equals(z) && (text == t || (text != null && text.equals(t)));
        }
    }

    /**
     * @param nsAddress        glue of the generated {@code ns1.<zone>}, or null (wildcard listener)
     * @param zoneFileProblems told once per zone-file text that cannot be served (for the log)
     */
    public ZoneViews(InetAddress nsAddress, Consumer<String> zoneFileProblems) {
        this.nsAddress = nsAddress;
        this.zoneFileProblems = Objects.requireNonNull(zoneFileProblems);
    }

    public ZoneView of(Snapshot snapshot) {
        ZoneView v = last;
        if (v != null && v.snapshot() == snapshot) {
            return v;
        }
        Parsed p = parsed(snapshot.zone(), snapshot.zoneFile().orElse(null));
        v = new ZoneView(snapshot, p.staticZone(), p.error());
        last = v;
        return v;
    }

    private Parsed parsed(String zone, String text) {
        Parsed p = parsed;
        if (p != null && p.sameSource(zone, text)) {
            return p;
        }
        if (text == null) {
            p = new Parsed(zone, null, StaticZone.generated(zone, nsAddress), Optional.empty());
        } else {
            try {
                p = new Parsed(zone, text, StaticZone.parse(zone, text, nsAddress), Optional.empty());
            } catch (ZoneFileException e) {
                zoneFileProblems.accept(e.getMessage());
                p = new Parsed(zone, text, StaticZone.generated(zone, nsAddress), Optional.of(e.getMessage()));
            }
        }
        parsed = p;
        return p;
    }

    /** Checks zone-file text as the server would load it (for the API before it publishes). */
    public static void check(String zone, String text) throws ZoneFileException {
        StaticZone.parse(Snapshot.normalise(zone), text, null);
    }
}
