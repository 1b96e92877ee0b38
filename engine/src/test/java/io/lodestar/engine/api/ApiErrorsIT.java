package io.lodestar.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every refused request: the status, the error shape {requestId, code, message}, the field named in
 * the message, and a database that is exactly as it was before (compared row by row).
 */
class ApiErrorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static NodeFixture f;
    private static String readToken;
    private static String writeToken;

    @BeforeAll
    static void start() throws Exception {
        f = new NodeFixture(dir);
        f.call("POST", "/v1/domains", "[{\"domain\":\"www.example.com\",\"isItmDomain\":true}]");
        f.call("POST", "/v1/endpoints", "[{\"domain\":\"www.example.com\",\"endpoint\":\"1.1.1.1\",\"area\":\"beijing.CN\",\"isp\":\"ct\"}]");
        f.call("POST", "/v1/domains/www.example.com/recommend-strategy", null);
        readToken = JSON.readTree(f.call("POST", "/v1/tokens", "{\"name\":\"viewer\",\"role\":\"read\"}").body()).get("token").asText();
        writeToken = JSON.readTree(f.call("POST", "/v1/tokens", "{\"name\":\"editor\",\"role\":\"write\"}").body()).get("token").asText();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String token(String who) {
        switch (who) {
            case "none":
                return null;
            case "bogus":
                return "ls_not-a-real-token";
            case "read":
                return readToken;
            case "write":
                return writeToken;
            default:
                return NodeFixture.ADMIN;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no token                  | none  | GET    | /v1/domains              | -  | 401 | Unauthorized     | Bearer",
        "unknown token             | bogus | GET    | /v1/domains              | -  | 401 | Unauthorized     | token",
        "read token cannot write   | read  | POST   | /v1/domains              | [{\"domain\":\"a.example.com\"}] | 403 | AccessDenied | write",
        "write token cannot tokens | write | POST   | /v1/tokens               | {\"name\":\"x\",\"role\":\"full\"} | 403 | AccessDenied | full",
        "read token cannot audit-free paths either | read | DELETE | /v1/domains | [\"www.example.com\"] | 403 | AccessDenied | write",
        "malformed JSON            | admin | POST   | /v1/domains              | [{\"domain\": | 400 | MalformedJson | line",
        "unknown field             | admin | POST   | /v1/domains              | [{\"domain\":\"a.example.com\",\"colour\":1}] | 400 | InvalidParameter.json | colour",
        "wrong type                | admin | POST   | /v1/domains              | [{\"domain\":\"a.example.com\",\"isItmDomain\":\"maybe\"}] | 400 | InvalidParameter.json | [0].isItmDomain",
        "not a list                | admin | POST   | /v1/domains              | {\"domain\":\"a.example.com\"} | 400 | InvalidParameter.json | body",
        "missing body              | admin | POST   | /v1/endpoints            | -  | 400 | MissingBody      | body",
        "bad domain name           | admin | POST   | /v1/domains              | [{\"domain\":\"not a name\"}] | 400 | InvalidParameter.domain.invalid | [0].domain",
        "domain exists             | admin | POST   | /v1/domains              | [{\"domain\":\"www.example.com\"}] | 400 | InvalidParameter.domain.exists | [0].domain",
        "bad IPv4                  | admin | POST   | /v1/endpoints            | [{\"domain\":\"www.example.com\",\"endpoint\":\"1.2.3.300\",\"type\":\"A\"}] | 400 | InvalidParameter.endpoint.invalid | [0].endpoint",
        "unknown area              | admin | POST   | /v1/endpoints            | [{\"domain\":\"www.example.com\",\"endpoint\":\"2.2.2.2\",\"area\":\"mars.CN\"}] | 400 | InvalidParameter.area.unknown | [0].area",
        "negative weight           | admin | POST   | /v1/endpoints            | [{\"domain\":\"www.example.com\",\"endpoint\":\"2.2.2.2\",\"weight\":-1}] | 400 | InvalidParameter.weight.negative | [0].weight",
        "no IPv4 left              | admin | POST   | /v1/endpoints            | [{\"domain\":\"www.example.com\",\"endpoint\":\"2001:db8::1\",\"type\":\"AAAA\"},{\"domain\":\"www.example.com\",\"endpoint\":\"1.1.1.1\",\"area\":\"shanghai.CN\"}] | 400 | InvalidParameter.endpoint.exists | [1].endpoint",
        "endpoint in use           | admin | DELETE | /v1/endpoints            | [{\"domain\":\"www.example.com\",\"endpoint\":\"1.1.1.1\"}] | 400 | InvalidParameter.endpoint.inUse | [0].endpoint",
        "unknown domain endpoints  | admin | GET    | /v1/endpoints?domain=nope.example.com | - | 404 | NotFound | nope.example.com",
        "missing domain parameter  | admin | GET    | /v1/endpoints            | -  | 400 | InvalidParameter.domain | domain",
        "unknown domain strategy   | admin | GET    | /v1/domains/nope.example.com/strategy | - | 404 | NotFound | nope.example.com",
        "unknown path              | admin | GET    | /v1/nothing              | -  | 404 | NotFound         | /v1/nothing",
        "wrong method              | admin | PATCH  | /v1/domains              | -  | 405 | MethodNotAllowed | GET",
        "bad status                | admin | PUT    | /v1/domains/www.example.com/status | {\"status\":\"go\"} | 400 | InvalidParameter.status.unknown | status",
        "ttl out of range          | admin | PUT    | /v1/domains/www.example.com/status | {\"ttl\":0} | 400 | InvalidParameter.ttl.range | ttl",
        "monitor path              | admin | PUT    | /v1/domains/www.example.com/monitor | {\"protocol\":\"http\",\"path\":\"health\"} | 400 | InvalidParameter.path.slash | monitor.path",
        "strategy weight           | admin | POST   | /v1/strategys/update-or-create | {\"www.example.com\":{\"strategy\":{\"start\":\"r\",\"rules\":[{\"name\":\"r\",\"type\":\"wrr\",\"area\":\"none.CN\",\"isp\":\"other\",\"items\":[{\"reference\":\"1.1.1.1\",\"weight\":-5}]}]}}} | 400 | InvalidParameter.weight.negative | www.example.com.strategy.rules[0].items[0].weight",
        "strategy dangling         | admin | POST   | /v1/strategys/update-or-create | {\"www.example.com\":{\"strategy\":{\"start\":\"r\",\"rules\":[{\"name\":\"r\",\"type\":\"wrr\",\"area\":\"none.CN\",\"isp\":\"other\",\"items\":[{\"reference\":\"9.9.9.9\",\"weight\":1}]}]}}} | 400 | InvalidParameter.reference.dangling | items[0].reference",
        "token bad role            | admin | POST   | /v1/tokens               | {\"name\":\"x\",\"role\":\"god\"} | 400 | InvalidParameter.role.unknown | role",
    })
    void refusedRequestsNameTheProblemAndChangeNothing(String what, String who, String method, String path, String body,
                                                       int status, String code, String named) throws Exception {
        String before = f.dump();
        HttpResponse<String> r = f.call(method, path, body.equals("-") ? null : body, token(who));
        assertEquals(status, r.statusCode(), what + ": " + r.body());
        JsonNode e = JSON.readTree(r.body());
        assertFalse(e.get("requestId").asText().isEmpty());
        assertEquals(code, e.get("code").asText(), what + ": " + r.body());
        assertTrue(e.get("message").asText().contains(named), what + ": message should name '" + named + "': " + r.body());
        assertEquals(before, f.dump(), what + ": the database changed");
    }

    @org.junit.jupiter.api.Test
    void bodiesOverTheLimitAreRefusedWith413() throws Exception {
        String before = f.dump();
        String big = "[\"" + "a".repeat(ApiServer.MAX_BODY + 10) + "\"]";
        HttpResponse<String> r = f.call("DELETE", "/v1/domains", big);
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("BodyTooLarge", JSON.readTree(r.body()).get("code").asText());
        assertEquals(before, f.dump());
    }

    @org.junit.jupiter.api.Test
    void readTokenCanRead() throws Exception {
        assertEquals(200, f.call("GET", "/v1/domains", null, readToken).statusCode());
        assertEquals(200, f.call("GET", "/v1/audit", null, readToken).statusCode());
        assertEquals(403, f.call("GET", "/v1/tokens", null, readToken).statusCode());
    }
}
