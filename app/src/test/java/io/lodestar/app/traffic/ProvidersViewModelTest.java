package io.lodestar.app.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.shell.Session;
import io.lodestar.app.testing.LocalNodeExtension;
import io.lodestar.app.traffic.ProvidersViewModel.Field;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.Traffic;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The providers section's view model against a real local node (no toolkit). */
class ProvidersViewModelTest {

    @RegisterExtension
    static final LocalNodeExtension NODE = new LocalNodeExtension();

    private static final Traffic.Providers DOC = new Traffic.Providers(true, "edgeone",
            List.of(new Traffic.Provider("edgeone", "192.0.2.1"), new Traffic.Provider("origin", "192.0.2.2")),
            List.of(new Traffic.RegionRule("beijing.CN/*", List.of(new Traffic.Target("origin", 1)))));

    private static ProvidersViewModel on(String domain, boolean withProviders) {
        NodeClient admin = NODE.node().admin();
        admin.createDomain(domain, true);
        admin.addEndpoints(List.of(row(domain, "192.0.2.1"), row(domain, "192.0.2.2"), row(domain, "192.0.2.3")));
        if (withProviders) {
            admin.putProviders(domain, DOC);
        }
        Session s = NODE.node().sameThreadSession();
        s.domainProperty().set(domain);
        ProvidersViewModel vm = new ProvidersViewModel(s);
        vm.load();
        return vm;
    }

    private static EndpointInfo row(String domain, String ip) {
        return EndpointInfo.of(domain, ip, "A", "beijing.CN", "ct", "", 1, true, false);
    }

    @Test
    void renamingAProviderFollowsIntoTheRulesAndTheDefault() {
        ProvidersViewModel vm = on("rename.example.com", true);
        vm.editProvider(vm.providers().get(0));
        vm.nameProperty().set("eo");
        vm.saveProvider();
        Traffic.Providers p = NODE.node().admin().providers("rename.example.com").orElseThrow();
        assertEquals("eo", p.defaultProvider());
        assertEquals(List.of("eo", "origin"), p.providers().stream().map(Traffic.Provider::name).toList());
        vm.editProvider(vm.providers().get(1));
        vm.nameProperty().set("home");
        vm.saveProvider();
        assertEquals(List.of(new Traffic.Target("home", 1)),
                NODE.node().admin().providers("rename.example.com").orElseThrow().rules().get(0).targets());
        assertEquals(new ProvidersViewModel.ProviderRow("eo", "192.0.2.1", true), vm.providers().get(0));
    }

    @Test
    void aWeightThatIsNotAWholeNumberIsSaidBeforeAnythingIsSent() {
        ProvidersViewModel vm = on("weights.example.com", true);
        vm.newRule();
        vm.addTerm("*/ct");
        vm.addTerm("guangdong.CN/cm");
        vm.addTerm("*/ct");
        assertEquals("*/ct;guangdong.CN/cm", vm.rule().usersetsProperty().get(), "a term is added once");
        vm.rule().weights().get(0).weight().set("three");
        vm.saveRule();
        assertEquals("Weight of edgeone: give a whole number (0 = never), or leave it blank.", vm.error(Field.WEIGHTS).get());
        assertEquals(Optional.of(DOC), NODE.node().admin().providers("weights.example.com"));
        vm.rule().weights().get(0).weight().set("3");
        vm.rule().weights().get(1).weight().set("1");
        vm.saveRule();
        assertEquals("", vm.error(Field.WEIGHTS).get());
        assertEquals(new Traffic.RegionRule("*/ct;guangdong.CN/cm", List.of(new Traffic.Target("edgeone", 3),
                new Traffic.Target("origin", 1))), NODE.node().admin().providers("weights.example.com").orElseThrow().rules().get(1));
        assertEquals("Enabled: 2 rules send regions to providers; everyone else goes to the default provider edgeone.",
                vm.stateProperty().get());
    }

    @Test
    void theNodesRefusalsLandBesideTheFieldsTheyName() {
        ProvidersViewModel vm = on("refusals.example.com", true);
        vm.deleteProvider(vm.providers().get(1));
        assertTrue(vm.error(Field.PROVIDERS).get().startsWith("rules[0].targets[0].provider: 'origin' is not a provider"),
                vm.error(Field.PROVIDERS).get());
        vm.editRule(0);
        vm.rule().usersetsProperty().set("atlantis.CN/*");
        vm.saveRule();
        assertTrue(vm.error(Field.USERS).get().startsWith("rules[0].usersets"), vm.error(Field.USERS).get());
        vm.deletePolicy();
        assertTrue(vm.error(Field.POLICY).get().startsWith("enable: disable the providers policy before deleting it"),
                vm.error(Field.POLICY).get());
        assertEquals(Optional.of(DOC), NODE.node().admin().providers("refusals.example.com"), "nothing changed");
    }

    @Test
    void theFirstProviderOfADomainBecomesItsDefault() {
        ProvidersViewModel vm = on("first.example.com", false);
        assertTrue(vm.stateProperty().get().startsWith("No providers policy"));
        assertEquals(List.of("192.0.2.1", "192.0.2.2", "192.0.2.3"), vm.endpoints());
        vm.nameProperty().set("only");
        vm.endpointProperty().set("192.0.2.3");
        vm.saveProvider();
        assertEquals(new Traffic.Providers(true, "only", List.of(new Traffic.Provider("only", "192.0.2.3")), List.of()),
                NODE.node().admin().providers("first.example.com").orElseThrow());
    }
}
