package io.lodestar.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.shell.Session;
import io.lodestar.app.testing.LocalNodeExtension;
import io.lodestar.engine.api.client.AuditRecord;
import io.lodestar.engine.api.client.ContactInfo;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.HttpNodeClient;
import io.lodestar.engine.api.client.NodeClient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit log filtered by the node, against a real node with changes made by two tokens. */
class AuditViewModelTest {

    @RegisterExtension
    static final LocalNodeExtension NODE = new LocalNodeExtension();

    @BeforeAll
    static void changes() {
        NodeClient admin = NODE.node().admin();
        admin.createDomain("a.example.com", true);
        admin.createDomain("b.example.com", true);
        admin.addEndpoints(List.of(EndpointInfo.of("a.example.com", "192.0.2.10", "A", "beijing.CN", "ct", "", 1, true, true)));
        new HttpNodeClient(admin.baseUrl(), admin.createToken("ci", "write").secret()).createDomain("c.example.com", true);
        for (int i = 0; i < 60; i++) {
            admin.putContact(new ContactInfo("c" + i, "c" + i + "@example.com", "", ""));
        }
    }

    private AuditViewModel vm() {
        Session s = NODE.node().sameThreadSession();
        return new AuditViewModel(s, ZoneOffset.UTC);
    }

    private static List<String> actions(AuditViewModel vm) {
        return vm.entries().stream().map(AuditRecord::action).toList();
    }

    @Test
    void filtersByDomainIncludingItsEndpointsByActorAndByActionFamily() {
        AuditViewModel vm = vm();
        vm.domainProperty().set("a.example.com");
        vm.apply();
        assertEquals(List.of("endpoint.add", "domain.create"), actions(vm));
        vm.clearFilter();
        vm.actorProperty().set("ci");
        vm.apply();
        assertEquals(List.of("c.example.com"), vm.entries().stream().map(AuditRecord::target).toList());
        vm.clearFilter();
        vm.actionProperty().set("domain");
        vm.apply();
        assertEquals(List.of("domain.create", "domain.create", "domain.create"), actions(vm));
    }

    @Test
    void aRangeOfDaysIsInclusiveAndABackwardsRangeIsSaidBesideToWithoutAsking() {
        AuditViewModel vm = vm();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        vm.actionProperty().set("domain");
        vm.fromProperty().set(today);
        vm.toProperty().set(today);
        vm.apply();
        assertEquals(3, vm.entries().size());
        vm.fromProperty().set(today.plusDays(1));
        vm.toProperty().set(today.plusDays(2));
        vm.apply();
        assertTrue(vm.entries().isEmpty());
        vm.toProperty().set(today);
        assertEquals("\"To\" is before \"from\": no day is in this range.", vm.rangeErrorProperty().get());
        vm.apply();
        assertTrue(vm.entries().isEmpty(), "nothing asked while the range runs backwards");
        assertEquals(today.plusDays(1), vm.fromProperty().get());
    }

    @Test
    void pagesGoOlderAndNewerAndTheChosenEntryShowsItsJsonBeforeAndAfter() {
        AuditViewModel vm = vm();
        vm.actionProperty().set("contact");
        vm.apply();
        assertEquals(AuditViewModel.PAGE, vm.entries().size());
        assertEquals("c59", vm.entries().get(0).target());
        assertTrue(vm.moreProperty().get());
        vm.older();
        assertEquals(60 - AuditViewModel.PAGE, vm.entries().size());
        assertFalse(vm.moreProperty().get());
        assertEquals(1, vm.pageProperty().get());
        vm.newer();
        assertEquals("c59", vm.entries().get(0).target());
        vm.selectedProperty().set(vm.entries().get(0));
        assertEquals("\u2014", vm.beforeProperty().get());
        assertTrue(vm.afterProperty().get().contains("\"email\" : \"c59@example.com\""), vm.afterProperty().get());
    }
}
