package io.lodestar.resolver;

import io.lodestar.engine.model.Endpoint;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** A plain in-memory {@link DnsMetrics} for tests that count what the server did. */
final class CountingMetrics implements DnsMetrics {

    final AtomicLongArray byRcode = new AtomicLongArray(32);
    final ConcurrentHashMap<String, LongAdder> answers = new ConcurrentHashMap<>();
    final LongAdder truncated = new LongAdder();
    final LongAdder dropped = new LongAdder();

    @Override
    public void query(int qtype, int rcode) {
        byRcode.incrementAndGet(Math.min(rcode, 31));
    }

    @Override
    public void answer(Endpoint endpoint) {
        answers.computeIfAbsent(endpoint.key(), k -> new LongAdder()).increment();
    }

    @Override
    public void truncated() {
        truncated.increment();
    }

    @Override
    public void dropped() {
        dropped.increment();
    }
}
