package io.lodestar.engine.validate;

import static io.lodestar.engine.testing.Fixtures.REGIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Monitor;
import io.lodestar.engine.strategy.Item;
import io.lodestar.engine.strategy.Rule;
import io.lodestar.engine.strategy.RuleType;
import io.lodestar.engine.strategy.Strategy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputValidationTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "A     | 1.2.3.256     | beijing.CN  | ct    | 1  | ep.endpoint | endpoint.invalid",
        "A     | 1.2.3         | beijing.CN  | ct    | 1  | ep.endpoint | endpoint.invalid",
        "A     | 01.2.3.4      | beijing.CN  | ct    | 1  | ep.endpoint | endpoint.invalid",
        "A     | localhost     | beijing.CN  | ct    | 1  | ep.endpoint | endpoint.invalid",
        "A     | 2001:db8::1   | beijing.CN  | ct    | 1  | ep.endpoint | endpoint.invalid",
        "AAAA  | 2001:db8:::1  | beijing.CN  | ct    | 1  | ep.endpoint | endpoint.invalid",
        "AAAA  | 1.2.3.4       | beijing.CN  | ct    | 1  | ep.endpoint | endpoint.invalid",
        "CNAME | -bad-.example | beijing.CN  | ct    | 1  | ep.endpoint | endpoint.invalid",
        "MX    | 1.2.3.4       | beijing.CN  | ct    | 1  | ep.type     | type.unknown",
        "A     | 1.2.3.4       | mars.CN     | ct    | 1  | ep.area     | area.unknown",
        "A     | 1.2.3.4       | mainland.CN | ct    | 1  | ep.area     | area.unknown",
        "A     | 1.2.3.4       | beijing.CN  | att   | 1  | ep.isp      | isp.unknown",
        "A     | 1.2.3.4       | beijing.CN  | ct    | -1 | ep.weight   | weight.negative",
        "A     | null          | beijing.CN  | ct    | 1  | ep.endpoint | endpoint.missing",
    })
    void badEndpointsAreRefusedNamingTheField(String type, String value, String area, String isp, int weight,
                                              String path, String rule) {
        Errors errors = new Errors();
        Optional<Endpoint> e = new EndpointInput(value, type, area, isp, "", weight, true, true)
                .toEndpoint("d.example", REGIONS, "ep", errors);
        assertTrue(e.isEmpty());
        assertEquals(path, errors.list().get(0).path(), errors.list().toString());
        assertEquals(rule, errors.list().get(0).rule());
    }

    @Test
    void goodEndpointsAreNormalised() {
        Errors errors = new Errors();
        Endpoint v6 = new EndpointInput(" 2001:DB8:0:0:0:0:0:1 ", "aaaa", "us.abroad", "other", "a; b;;a", null, null, null)
                .toEndpoint("d.example", REGIONS, "ep", errors).orElseThrow();
        assertEquals("2001:db8::1", v6.key());
        assertEquals(List.of("a", "b"), v6.tags());
        assertEquals(1, v6.weight());
        assertTrue(v6.enable() && v6.evalHealth());
        Endpoint cname = new EndpointInput("CDN.Example.COM.", "CNAME", null, null, null, 0, false, false)
                .toEndpoint("d.example", REGIONS, "ep", errors).orElseThrow();
        assertEquals("cdn.example.com", cname.key());
        assertEquals("none.CN", cname.area());
        assertTrue(errors.isEmpty(), errors.list().toString());
    }

    @ParameterizedTest(name = "{5}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "http  | 80    | health        | null | 10 | monitor.path        | path.slash",
        "http  | 80    | /a b          | null | 10 | monitor.path        | path.chars",
        "http  | 80    | ''            | null | 10 | monitor.path        | path.length",
        "smtp  | 25    | /             | null | 10 | monitor.protocol    | protocol.unknown",
        "tcp   | 0     | /             | null | 10 | monitor.port        | port.range",
        "tcp   | 70000 | /             | null | 10 | monitor.port        | port.range",
        "http  | 80    | /             | 2x1  | 10 | monitor.expectCodes | expectCodes.invalid",
        "http  | 80    | /             | null | 0  | monitor.interval    | interval.range",
    })
    void badMonitorsAreRefusedNamingTheField(String proto, int port, String path, String codes, int interval,
                                             String field, String rule) {
        Errors errors = new Errors();
        new MonitorInput(proto, port, path, null, codes, 1, interval, null, null, null, null, null, null)
                .toMonitor("monitor", errors);
        assertEquals(field, errors.list().get(0).path(), errors.list().toString());
        assertEquals(rule, errors.list().get(0).rule());
    }

    @Test
    void pathOver255CharactersIsRefused() {
        Errors errors = new Errors();
        new MonitorInput("http", 80, "/" + "a".repeat(255), null, null, null, null, null, null, null, null, null, null)
                .toMonitor("monitor", errors);
        assertEquals("path.length", errors.list().get(0).rule());
    }

    @Test
    void anUnnamedTimeoutFollowsAShortIntervalDown() {
        Errors errors = new Errors();
        Monitor m = new MonitorInput("tcp", 443, null, null, null, null, 5, null, null, null, null, null, null)
                .toMonitor("monitor", errors).orElseThrow();
        assertEquals(5, m.timeout());
        new MonitorInput("tcp", 443, null, null, null, 10, 5, null, null, null, null, null, null).toMonitor("monitor", errors);
        assertEquals("timeout.interval", errors.list().get(0).rule());
    }

    @Test
    void minFailuresAboveWindowIsRefused() {
        Errors errors = new Errors();
        new MonitorInput("tcp", 22, null, null, null, null, null, null, 3, 4, null, null, null).toMonitor("monitor", errors);
        assertEquals("monitor.minFailures", errors.list().get(0).path());
    }

    @Test
    void emptyMonitorTakesTheSeedDefaults() {
        Errors errors = new Errors();
        Monitor m = new MonitorInput(null, null, null, null, null, null, null, null, null, null, null, null, null)
                .toMonitor("monitor", errors).orElseThrow();
        assertEquals(60, m.interval());
        assertEquals(10, m.timeout());
        assertEquals(80, m.threshold());
        assertEquals(5, m.window());
        assertEquals(3, m.minFailures());
    }

    private static Endpoint ep(String type, String value) {
        return new EndpointInput(value, type, "beijing.CN", "ct", null, 1, true, true)
                .toEndpoint("d.example", REGIONS, "ep", new Errors()).orElseThrow();
    }

    @Test
    void aDomainWithoutAnIpv4EndpointIsRefused() {
        Errors errors = new Errors();
        DomainRules.requireIpv4(List.of(ep("AAAA", "2001:db8::1")), "endpoints", errors);
        assertEquals("endpoints.noIpv4", errors.list().get(0).rule());
        Errors ok = new Errors();
        DomainRules.requireIpv4(List.of(ep("AAAA", "2001:db8::1"), ep("A", "1.1.1.1")), "endpoints", ok);
        DomainRules.requireIpv4(List.of(ep("CNAME", "cdn.example.net")), "endpoints", ok);
        assertTrue(ok.isEmpty(), ok.list().toString());
    }

    @Test
    void deletingAnEndpointUsedByTheStrategyIsRefused() {
        Strategy s = new Strategy("root", List.of(new Rule("root", RuleType.WRR, "none.CN", "other", true,
                List.of(Item.of("1.1.1.1", 1, 0)))));
        Errors errors = new Errors();
        DomainRules.refuseDeleteInUse(s, List.of("2.2.2.2", "1.1.1.1"), "body", errors);
        assertEquals(1, errors.list().size());
        assertEquals("body[1]", errors.list().get(0).path());
        assertEquals("endpoint.inUse", errors.list().get(0).rule());
        assertTrue(errors.list().get(0).message().contains("root"));
    }

    @ParameterizedTest
    @CsvSource({"'', domain.missing", "nodot, domain.invalid", "bad_.example.com-, domain.invalid", "a..b.com, domain.invalid"})
    void badDomainNamesAreRefused(String name, String rule) {
        Errors errors = new Errors();
        assertTrue(DomainRules.domainName(name, "domain", errors).isEmpty());
        assertEquals(rule, errors.list().get(0).rule());
    }
}
