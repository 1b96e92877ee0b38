package io.lodestar.engine.plan;

import io.lodestar.engine.strategy.UserTerm.Cidr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The CIDR prefixes a strategy names, as client classes: a client's class is the longest prefix it
 * falls in (prefixes nest or are disjoint, so the longest one decides every other match), or -1.
 * Prefixes are kept longest first and scanned in order; strategies name few of them.
 */
public final class CidrClasses {

    public static final CidrClasses NONE = new CidrClasses(List.of());

    private final Cidr[] byLength;

    public CidrClasses(List<Cidr> prefixes) {
        List<Cidr> sorted = new ArrayList<>(prefixes);
        sorted.sort(Comparator.comparingInt(Cidr::prefix).reversed());
        this.byLength = sorted.toArray(new Cidr[0]);
    }

    public int count() {
        return byLength.length;
    }

    public Cidr prefix(int cls) {
        return byLength[cls];
    }

    /** The class of a client address (4 or 16 bytes), -1 if it lies in no prefix or is null. */
    public int classOf(byte[] address) {
        if (address == null) {
            return -1;
        }
        for (int i = 0; i < byLength.length; i++) {
            if (byLength[i].matches(address)) {
                return i;
            }
        }
        return -1;
    }
}
