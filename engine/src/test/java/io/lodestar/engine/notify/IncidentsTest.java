package io.lodestar.engine.notify;

import static io.lodestar.engine.notify.Incidents.Verdict.DUPLICATE;
import static io.lodestar.engine.notify.Incidents.Verdict.NO_OPEN_INCIDENT;
import static io.lodestar.engine.notify.Incidents.Verdict.SEND;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncidentsTest {

    static final Instant T = Instant.parse("2025-03-01T08:00:00Z");
    static final String D = "www.example.com";

    final Incidents incidents = new Incidents();

    private List<Incidents.Verdict> admit(Alert... alerts) {
        return java.util.Arrays.stream(alerts).map(incidents::admit).toList();
    }

    @Test
    void downOpensTheIncidentAndUpClosesIt() {
        assertEquals(List.of(SEND), admit(Alert.endpointDown(D, "1.1.1.1", T, "x")));
        assertEquals(Set.of(D + "/1.1.1.1"), incidents.open().keySet());
        assertEquals(List.of(SEND), admit(Alert.endpointUp(D, "1.1.1.1", T, "x")));
        assertEquals(Set.of(), incidents.open().keySet());
    }

    @Test
    void secondDownForAnOpenIncidentIsADuplicate() {
        assertEquals(List.of(SEND, DUPLICATE, SEND), admit(Alert.endpointDown(D, "1.1.1.1", T, "x"),
                Alert.endpointDown(D, "1.1.1.1", T, "again"), Alert.endpointDown(D, "2.2.2.2", T, "other endpoint")));
    }

    @Test
    void recoveryIsSentOnce() {
        assertEquals(List.of(SEND, SEND, NO_OPEN_INCIDENT), admit(Alert.endpointDown(D, "1.1.1.1", T, "x"),
                Alert.endpointUp(D, "1.1.1.1", T, "x"), Alert.endpointUp(D, "1.1.1.1", T, "x")));
    }

    @Test
    void endpointRecoveryClosesTheDomainsAllDownIncident() {
        assertEquals(List.of(SEND, DUPLICATE, SEND, SEND), admit(Alert.allDown(D, T, "x"), Alert.allDown(D, T, "x"),
                Alert.endpointUp(D, "1.1.1.1", T, "x"), Alert.allDown(D, T, "x")));
    }

    @Test
    void publishedIsAlwaysNews() {
        assertEquals(List.of(SEND, SEND), admit(Alert.published(D, T, "a"), Alert.published(D, T, "a")));
    }
}
