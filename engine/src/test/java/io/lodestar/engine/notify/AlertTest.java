package io.lodestar.engine.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lodestar.engine.store.EventKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertTest {

    static final Instant T = Instant.parse("2025-03-01T08:00:00Z");

    @Test
    void alertsSayWhatHappenedInWords() {
        Alert down = Alert.endpointDown("www.example.com", "1.1.1.1", T, "2 of last 3 probes failed: connection refused");
        assertEquals("www.example.com: 1.1.1.1 is down", down.title());
        assertEquals("www.example.com: 1.1.1.1 is down — 2 of last 3 probes failed: connection refused", down.text());
        assertEquals("www.example.com: 1.1.1.1 is up again — 3 of last 3 probes succeeded",
                Alert.endpointUp("www.example.com", "1.1.1.1", T, "3 of last 3 probes succeeded").text());
        assertEquals("www.example.com: all endpoints are down", Alert.allDown("www.example.com", T, "x").title());
    }

    @Test
    void incidentIsTheEndpointOrForDomainWideEventsTheDomain() {
        assertEquals("www.example.com/1.1.1.1", Alert.endpointDown("www.example.com", "1.1.1.1", T, "x").incidentKey());
        assertEquals("www.example.com/1.1.1.1", Alert.endpointUp("www.example.com", "1.1.1.1", T, "x").incidentKey());
        assertEquals("www.example.com", Alert.allDown("www.example.com", T, "x").incidentKey());
    }

    @Test
    void endpointEventsNeedAnEndpoint() {
        assertThrows(IllegalArgumentException.class,
                () -> new Alert(EventKind.ENDPOINT_DOWN, "www.example.com", Optional.empty(), T, "t", "x"));
    }

    @Test
    void summaryListsTheHeldAlertsAndCountsTheRest() {
        Summary s = new Summary(T, List.of(Alert.published("a.example.com", T, "r1")), 3);
        assertEquals("3 alerts held back by the rate limit", s.title());
        assertEquals("3 alerts held back by the rate limit:\n- 2025-03-01T08:00:00Z a.example.com: new schedule result"
                + " published — r1\n… and 2 more\n", s.text());
    }
}
