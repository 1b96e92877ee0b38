package io.lodestar.engine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.store.HealthEvent.State;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The written precedence of health, row by row. */
class PrecedenceTest {

    @ParameterizedTest(name = "evalHealth={0}, verdict {1} -> up={2}")
    @CsvSource({
            "false, fail,    true",
            "false, unknown, true",
            "false, ok,      true",
            "true,  fail,    false",
            "true,  unknown, true",
            "true,  ok,      true",
    })
    void onlyAFailVerdictOnAJudgedEndpointTakesItOut(boolean evalHealth, String verdict, boolean up) {
        Endpoint e = new Endpoint(Targets.DOMAIN, Targets.loopback(), "beijing.CN", "ct", List.of(), 1, true, evalHealth);
        assertEquals(up, Precedence.up(e, State.fromWire(verdict).orElseThrow()));
    }
}
