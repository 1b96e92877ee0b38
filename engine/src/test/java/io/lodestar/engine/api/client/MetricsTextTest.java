package io.lodestar.engine.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTextTest {

    @Test
    void readsOneDomainsAnswersPerEndpointAndNothingElse() {
        String text = String.join("\n",
                "# HELP lodestar_dns_answers_total Traffic-managed answers, by domain and endpoint value",
                "# TYPE lodestar_dns_answers_total counter",
                "lodestar_dns_answers_total{domain=\"www.example.com\",endpoint=\"192.0.2.1\"} 120.0",
                "lodestar_dns_answers_total{domain=\"www.example.com\",endpoint=\"cdn.example.net.\"} 3",
                "lodestar_dns_answers_total{domain=\"api.example.com\",endpoint=\"192.0.2.1\"} 7.0",
                "lodestar_dns_answers_created{domain=\"www.example.com\",endpoint=\"192.0.2.1\"} 1.7E9",
                "lodestar_dns_queries_total{qtype=\"A\",rcode=\"NOERROR\"} 999.0", "");
        assertEquals(Map.of("192.0.2.1", 120L, "cdn.example.net.", 3L), MetricsText.answers(text, "www.example.com"));
        assertEquals(Map.of(), MetricsText.answers(text, "none.example.com"));
    }
}
