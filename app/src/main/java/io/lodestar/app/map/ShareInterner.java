package io.lodestar.app.map;

import io.lodestar.engine.api.client.Distribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares equal answer lists between frames: a history of thousands of results repeats the same few
 * lists (one per distinct answer), so each is kept once. Not thread-safe: one per loading task.
 */
public final class ShareInterner {

    private static final Comparator<Distribution.Share> LARGEST_FIRST =
            Comparator.comparingDouble(Distribution.Share::share).reversed().thenComparing(Distribution.Share::endpoint);

    private final Map<List<Distribution.Share>, List<Distribution.Share>> seen = new HashMap<>();

    /** The list sorted largest share first, as one shared immutable instance. */
    public List<Distribution.Share> sorted(List<Distribution.Share> shares) {
        if (shares.isEmpty()) {
            return List.of();
        }
        List<Distribution.Share> s = new ArrayList<>(shares);
        s.sort(LARGEST_FIRST);
        return seen.computeIfAbsent(List.copyOf(s), k -> k);
    }

    public int size() {
        return seen.size();
    }
}
