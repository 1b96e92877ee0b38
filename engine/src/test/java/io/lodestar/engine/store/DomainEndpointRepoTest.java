package io.lodestar.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.EndpointType;
import io.lodestar.engine.model.EndpointValue;
import io.lodestar.engine.model.Monitor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainEndpointRepoTest {

    private static final String D = "www.example.com";

    @TempDir
    Path dir;

    private StoreFixture f;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static Endpoint endpoint(EndpointType type, String value, List<String> tags, int weight,
                                     boolean enable, boolean evalHealth) {
        return new Endpoint(D, EndpointValue.parse(type, value).orElseThrow(), "guangdong.CN", "cu", tags, weight,
                enable, evalHealth);
    }

    @Test
    void domainsRoundTripWithTheirCreationTime() {
        Domain a = new Domain("b.example.com", false, DomainStatus.NONE, 300);
        Domain b = new Domain("a.example.com", true, DomainStatus.PAUSE, 1);
        assertTrue(f.changed(tx -> tx.domains().insert(a)));
        f.clock.advance(Duration.ofMinutes(5));
        assertTrue(f.changed(tx -> tx.domains().insert(b)));

        assertEquals(List.of(b, a), f.store.read(tx -> tx.domains().list()), "listed by name");
        assertEquals(Optional.of(StoreFixture.T0), f.store.read(tx -> tx.domains().createdAt("b.example.com")));
        assertEquals(Optional.empty(), f.store.read(tx -> tx.domains().get("c.example.com")));
    }

    @Test
    void domainUpdateReplacesItsSettingsAndAnExistingNameIsNotInsertedTwice() {
        f.store.transaction(tx -> tx.domains().insert(StoreFixture.domain(D)));
        Domain changed = new Domain(D, false, DomainStatus.STOP, 600);

        assertFalse(f.changed(tx -> tx.domains().insert(changed)));
        assertTrue(f.changed(tx -> tx.domains().update(changed)));
        assertFalse(f.changed(tx -> tx.domains().update(StoreFixture.domain("absent.example.com"))));
        assertEquals(Optional.of(changed), f.store.read(tx -> tx.domains().get(D)));
    }

    @Test
    void endpointsOfEveryTypeRoundTripInTheOrderAdded() {
        List<Endpoint> eps = List.of(
                endpoint(EndpointType.CNAME, "origin.cdn.example.net", List.of("cdn", "primary"), 10, true, false),
                endpoint(EndpointType.A, "198.51.100.7", List.of(), 0, false, true),
                endpoint(EndpointType.AAAA, "2001:db8::1", List.of("v6"), 3, true, true));
        f.store.transaction(tx -> {
            tx.domains().insert(StoreFixture.domain(D));
            for (Endpoint e : eps) {
                assertTrue(tx.endpoints().insert(e));
            }
            return null;
        });
        assertEquals(eps, f.store.read(tx -> tx.endpoints().list(D)));
        assertEquals(Optional.of(eps.get(2)), f.store.read(tx -> tx.endpoints().get(D, "2001:db8::1")));
        assertEquals("cdn;primary", f.store.read(tx -> Sql.one(tx.connection(),
                "SELECT tags FROM endpoints WHERE value = 'origin.cdn.example.net'", rs -> rs.getString(1)).orElseThrow()));
    }

    @Test
    void endpointUpdateAndDeleteActOnDomainAndValue() {
        f.addDomain(D, "192.0.2.1");
        Endpoint changed = new Endpoint(D, StoreFixture.endpoint(D, "192.0.2.1").value(), "none.CN", "other",
                List.of("moved"), 5, false, false);

        assertTrue(f.changed(tx -> tx.endpoints().update(changed)));
        assertEquals(List.of(changed), f.store.read(tx -> tx.endpoints().list(D)));
        assertFalse(f.changed(tx -> tx.endpoints().delete(D, "192.0.2.9")));
        assertTrue(f.changed(tx -> tx.endpoints().delete(D, "192.0.2.1")));
        assertEquals(List.of(), f.store.read(tx -> tx.endpoints().list(D)));
    }

    @Test
    void sameValueTwiceInOneDomainIsRefusedButAllowedInAnother() {
        f.addDomain(D, "192.0.2.1");
        f.addDomain("api.example.com", "192.0.2.1");
        assertFalse(f.changed(tx -> tx.endpoints().insert(StoreFixture.endpoint(D, "192.0.2.1"))));
        assertEquals(1, f.store.read(tx -> tx.endpoints().list("api.example.com")).size());
    }

    @Test
    void tagsThatWouldNotSplitBackAreRefused() {
        f.addDomain(D, "192.0.2.1");
        assertThrows(IllegalArgumentException.class, () -> f.store.transaction(tx -> tx.endpoints().insert(
                endpoint(EndpointType.A, "192.0.2.2", List.of("a;b"), 1, true, true))));
        assertThrows(IllegalArgumentException.class, () -> f.store.transaction(tx -> tx.endpoints().insert(
                endpoint(EndpointType.A, "192.0.2.2", List.of(""), 1, true, true))));
    }

    @Test
    void deletingDomainCascadesToEndpoints() {
        f.addDomain(D, "192.0.2.1");
        f.addDomain("keep.example.com", "192.0.2.2");
        f.store.transaction(tx -> {
            tx.monitors().put(D, Monitor.defaults());
            tx.history().appendIfChanged(D, StoreFixture.T0, "{}", "first");
            tx.contactGroups().put(new io.lodestar.engine.model.ContactGroup("oncall", List.of()));
            tx.notifications().replace(D, Map.of("oncall", Set.of(EventKind.PUBLISHED)));
            return tx.audit().append("admin", "domain.delete", D, Optional.of("{}"), Optional.empty());
        });

        assertTrue(f.changed(tx -> tx.domains().delete(D)));

        assertEquals(List.of(), f.store.read(tx -> tx.endpoints().list(D)));
        assertEquals(Optional.empty(), f.store.read(tx -> tx.monitors().get(D)));
        assertEquals(Optional.empty(), f.store.read(tx -> tx.history().latest(D)));
        assertEquals(Map.of(), f.store.read(tx -> tx.notifications().forDomain(D)));
        assertEquals(1, f.store.read(tx -> tx.endpoints().list("keep.example.com")).size(), "other domains untouched");
        assertEquals(1L, (long) f.store.read(tx -> tx.audit().count(AuditQuery.all().target(D))), "the audit trail stays");
    }

    @Test
    void monitoredEndpointsAndMonitorsAreReadForEveryDomainAtOnce() {
        f.addDomain("b.example.com", "192.0.2.1");
        f.addDomain("a.example.com", "192.0.2.2");
        f.addDomain("unwatched.example.com", "192.0.2.3");
        f.store.transaction(tx -> {
            tx.endpoints().insert(StoreFixture.endpoint("b.example.com", "192.0.2.9"));
            tx.monitors().put("b.example.com", Monitor.defaults());
            tx.monitors().put("a.example.com", Monitor.defaults());
            return null;
        });

        Map<String, List<Endpoint>> monitored = f.store.read(tx -> tx.endpoints().listMonitored());

        assertEquals(List.of("a.example.com", "b.example.com"), List.copyOf(monitored.keySet()), "no unmonitored domain");
        assertEquals(List.of("192.0.2.1", "192.0.2.9"),
                monitored.get("b.example.com").stream().map(e -> e.value().text()).toList(), "in the order added");
        assertEquals(f.store.read(tx -> tx.endpoints().list("a.example.com")), monitored.get("a.example.com"));
        assertEquals(Map.of("a.example.com", Monitor.defaults(), "b.example.com", Monitor.defaults()),
                f.store.read(tx -> tx.monitors().all()));
    }
}
