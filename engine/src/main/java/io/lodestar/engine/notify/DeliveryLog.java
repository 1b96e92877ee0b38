package io.lodestar.engine.notify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last {@code capacity} deliveries, in memory: enough for the API and the console to show. */
final class DeliveryLog {

    private final int capacity;
    private final Deque<Delivery> entries = new ArrayDeque<>();

    DeliveryLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("keep at least one delivery");
        }
        this.capacity = capacity;
    }

    synchronized void add(Delivery d) {
        if (entries.size() == capacity) {
            entries.removeLast();
        }
        entries.addFirst(d);
    }

    /** Newest first. */
    synchronized List<Delivery> recent() {
        return List.copyOf(new ArrayList<>(entries));
    }
}
