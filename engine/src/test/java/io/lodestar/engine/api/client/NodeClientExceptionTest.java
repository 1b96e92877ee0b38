package io.lodestar.engine.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeClientExceptionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "monitor.port: port must be 1–65535, was 70000 | monitor.port          | port",
        "endpoints[1].area: unknown area 'x'            | endpoints[1].area     | area",
        "port: Cannot deserialize value                 | port                  | port",
        "[0].area: unknown area 'x'                     | [0].area              | area",
        "strategy.rules[2].items[0].weight: negative    | strategy.rules[2].items[0].weight | weight",
        "unknown or revoked token                       | ''                    | ''",
        "no such path: GET /v1/x                        | ''                    | ''",
    })
    void theFieldIsTheMessagesLeadingPath(String message, String field, String name) {
        NodeClientException e = new NodeClientException(400, "X", message.strip());
        assertEquals(field.isEmpty() ? Optional.empty() : Optional.of(field), e.field());
        assertEquals(name.isEmpty() ? Optional.empty() : Optional.of(name), e.fieldName());
    }
}
