package io.lodestar.app.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.shell.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.lodestar.app.testing.LocalNodeExtension;

/** The Domains view model against a real node, work on the test's thread, no toolkit. */
class DomainsViewModelTest {

    @RegisterExtension
    static final LocalNodeExtension NODE = new LocalNodeExtension();

    @Test
    void creatingADomainListsItSelectsItAndOffersItsCnameRecord() {
        Session s = NODE.node().sameThreadSession();
        DomainsViewModel vm = new DomainsViewModel(s);
        assertFalse(s.readOnlyProperty().get());
        vm.newNameProperty().set("shop.example.com");
        assertFalse(vm.createDisabled().get());
        vm.create();
        assertEquals("", vm.errorProperty().get());
        assertTrue(vm.domains().stream().anyMatch(d -> d.domain().equals("shop.example.com")));
        assertEquals("shop.example.com", vm.selectedProperty().get().domain());
        assertEquals("shop.example.com. 60 IN CNAME shop.example.com.gtm.lodestar.test.", vm.recordProperty().get());
        assertEquals("shop.example.com", s.domainProperty().get());
        assertEquals("", vm.newNameProperty().get());
    }

    @Test
    void aRefusedNameKeepsWhatWasTypedAndShowsTheNodesMessage() {
        DomainsViewModel vm = new DomainsViewModel(NODE.node().sameThreadSession());
        vm.newNameProperty().set("not a domain");
        vm.create();
        assertEquals("not a domain", vm.newNameProperty().get());
        assertTrue(vm.errorProperty().get().contains("domain"), vm.errorProperty().get());
    }

    @Test
    void startPauseAndDeleteActOnTheSelectedDomain() {
        DomainsViewModel vm = new DomainsViewModel(NODE.node().sameThreadSession());
        vm.newNameProperty().set("pause.example.com");
        vm.create();
        vm.setStatus("pause");
        assertEquals("pause", vm.selectedProperty().get().status());
        vm.setStatus("start");
        assertEquals("start", vm.selectedProperty().get().status());
        vm.deleteSelected();
        assertTrue(vm.domains().stream().noneMatch(d -> d.domain().equals("pause.example.com")));
    }
}
