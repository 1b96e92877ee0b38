package io.lodestar.resolver;

import io.lodestar.engine.model.Endpoint;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DnsMetrics} as Prometheus counters, registered into the registry given (never the static
 * default one, so that several nodes can live in one JVM):
 * <ul>
 *   <li>{@code lodestar_dns_queries_total{qtype, rcode}} — qtype is a common type's name or
 *       {@code OTHER}, rcode a name or {@code OTHER}, so the label set stays bounded whatever
 *       clients send;</li>
 *   <li>{@code lodestar_dns_answers_total{domain, endpoint}} — traffic-managed answers per endpoint;</li>
 *   <li>{@code lodestar_dns_truncated_total}, {@code lodestar_dns_dropped_total}.</li>
 * </ul>
 * The query path does no label lookup: data points are cached per (qtype, rcode) in an array and
 * per endpoint in a map (lock-free reads), both filled on first use. In front of the map, a small
 * table keyed by the endpoint's identity (the plans of a snapshot hand out the same instances, query
 * after query) spares the record's hashCode and equals, which walk every field: they were a quarter
 * of the fast path's own time in a profile (ADR 0013).
 */
public final class PrometheusDnsMetrics implements DnsMetrics {

    private static final String[] RCODES = {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED",
        "YXDOMAIN", "YXRRSET", "NXRRSET", "NOTAUTH", "NOTZONE", "OTHER", "OTHER", "OTHER", "OTHER", "OTHER",
        "BADVERS"};
    private static final int OTHER_RCODE = 11;
    private static final int RECENT = 256;
    private static final int[] TYPE_NUMBERS = {1, 2, 5, 6, 12, 15, 16, 28, 33, 35, 43, 48, 64, 65, 99, 251, 252, 255, 257};
    private static final String[] TYPE_NAMES = {"A", "NS", "CNAME", "SOA", "PTR", "MX", "TXT", "AAAA", "SRV", "NAPTR",
        "DS", "DNSKEY", "SVCB", "HTTPS", "SPF", "IXFR", "AXFR", "ANY", "CAA", "OTHER"};
    /** Type number (0–257) → index into {@link #TYPE_NAMES}. */
    private static final byte[] TYPE_INDEX = new byte[258];

    static {
        java.util.Arrays.fill(TYPE_INDEX, (byte) TYPE_NUMBERS.length);
        for (int i = 0; i < TYPE_NUMBERS.length; i++) {
            TYPE_INDEX[TYPE_NUMBERS[i]] = (byte) i;
        }
    }

    private final Counter queries;
    private final Counter answers;
    private final CounterDataPoint truncated;
    private final CounterDataPoint dropped;
    private final CounterDataPoint[][] byTypeAndRcode = new CounterDataPoint[TYPE_NAMES.length][RCODES.length];
    private final ConcurrentHashMap<Endpoint, CounterDataPoint> byEndpoint = new ConcurrentHashMap<>();
    /** Direct-mapped by identity hash; a slot is immutable, so a racy read sees a whole pair or an older one. */
    private final Recent[] recent = new Recent[RECENT];

    private static final class Recent {
        final Endpoint endpoint;
        final CounterDataPoint point;

        Recent(Endpoint endpoint, CounterDataPoint point) {
            this.endpoint = endpoint;
            this.point = point;
        }
    }

    public PrometheusDnsMetrics(PrometheusRegistry registry) {
        this.queries = Counter.builder().name("lodestar_dns_queries").help("DNS queries answered, by query type and rcode")
                .labelNames("qtype", "rcode").withoutExemplars().register(registry);
        this.answers = Counter.builder().name("lodestar_dns_answers")
                .help("Traffic-managed answers, by domain and endpoint value")
                .labelNames("domain", "endpoint").withoutExemplars().register(registry);
        this.truncated = Counter.builder().name("lodestar_dns_truncated").help("Replies sent with TC over UDP")
                .withoutExemplars().register(registry);
        this.dropped = Counter.builder().name("lodestar_dns_dropped").help("Packets that got no reply")
                .withoutExemplars().register(registry);
    }

    @Override
    public void query(int qtype, int rcode) {
        int t = qtype >= 0 && qtype < TYPE_INDEX.length ? TYPE_INDEX[qtype] : TYPE_NUMBERS.length;
        int r = rcode >= 0 && rcode < RCODES.length ? rcode : OTHER_RCODE;
        CounterDataPoint p = byTypeAndRcode[t][r];
        if (p == null) { // racing threads get the same data point from the counter
            p = queries.labelValues(TYPE_NAMES[t], RCODES[r]);
            byTypeAndRcode[t][r] = p;
        }
        p.inc();
    }

    @Override
    public void answer(Endpoint endpoint) {
        int slot = System.identityHashCode(endpoint) & (RECENT - 1);
        Recent r = recent[slot];
        if (r != null && r.endpoint == endpoint) {
            r.point.inc();
            return;
        }
        CounterDataPoint p = byEndpoint.get(endpoint);
        if (p == null) {
            p = answers.labelValues(endpoint.domain(), endpoint.key());
            byEndpoint.putIfAbsent(endpoint, p);
        }
        recent[slot] = new Recent(endpoint, p);
        p.inc();
    }

    @Override
    public void truncated() {
        truncated.inc();
    }

    @Override
    public void dropped() {
        dropped.inc();
    }

    /** Every query answered so far (all types and rcodes): a node's query rate is read off this. */
    public long total() {
        double sum = 0;
        for (var d : queries.collect().getDataPoints()) {
            sum += d.getValue();
        }
        return (long) sum;
    }
}
