package io.lodestar.app.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.shell.Session;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.testing.LocalNodeExtension;

class EndpointsViewModelTest {

    @RegisterExtension
    static final LocalNodeExtension NODE = new LocalNodeExtension();

    private static EndpointsViewModel on(String domain) {
        NODE.node().admin().createDomain(domain, true);
        Session s = NODE.node().sameThreadSession();
        s.domainProperty().set(domain);
        return new EndpointsViewModel(s);
    }

    @Test
    void typingAnIpFillsAreaAndIspAtOnceAndTheyStayEditable() {
        NewEndpointForm f = new NewEndpointForm(LocalNode.LOCATOR);
        f.valueProperty().set("202.96.128.86");
        assertEquals("guangdong.CN", f.areaProperty().get());
        assertEquals("ct", f.ispProperty().get());
        assertEquals("A", f.typeProperty().get());
        f.areaProperty().set("beijing.CN");
        assertEquals("beijing.CN", f.toInfo("x.example.com").area());
    }

    @Test
    void aHostNameIsNeverLookedUp() {
        NewEndpointForm f = new NewEndpointForm(LocalNode.LOCATOR);
        f.valueProperty().set("cdn.example.net");
        assertTrue(f.locate("cdn.example.net").isEmpty());
        assertEquals("", f.areaProperty().get());
    }

    @Test
    void anAddedEndpointAppearsAsARowAndTheFormClears() {
        EndpointsViewModel vm = on("add.example.com");
        vm.form().valueProperty().set("202.96.128.86");
        vm.add();
        assertEquals("", vm.errorProperty().get());
        assertEquals(1, vm.rows().size());
        EndpointRow r = vm.rows().get(0);
        assertEquals("202.96.128.86", r.value());
        assertEquals("guangdong.CN", r.areaProperty().get());
        assertEquals("unknown", r.statusProperty().get());
        assertEquals("", vm.form().valueProperty().get());
    }

    @Test
    void aRefusedRowKeepsTheTypedValuesAndSaysWhy() {
        EndpointsViewModel vm = on("bad.example.com");
        vm.form().valueProperty().set("192.0.2.1");
        vm.form().areaProperty().set("atlantis.CN");
        assertEquals("Not an area code of the region catalogue (like beijing.CN, none.abroad, us.abroad).",
                vm.form().error("area").get(), "said as typed");
        vm.add();
        assertTrue(vm.form().error("area").get().contains("atlantis.CN"), "the node's message beside the area: "
                + vm.form().error("area").get());
        assertEquals("", vm.errorProperty().get());
        assertEquals("192.0.2.1", vm.form().valueProperty().get());
        assertEquals("atlantis.CN", vm.form().areaProperty().get());
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void editingACellModifiesTheEndpointOnTheNode() {
        EndpointsViewModel vm = on("edit.example.com");
        vm.form().valueProperty().set("192.0.2.7");
        vm.form().areaProperty().set("beijing.CN");
        vm.form().ispProperty().set("ct");
        vm.add();
        EndpointRow r = vm.rows().get(0);
        r.weightProperty().set(7);
        vm.commit(r);
        assertEquals(7, NODE.node().admin().endpoints("edit.example.com").get(0).weight());
        vm.rows().get(0).enableProperty().set(false);
        assertFalse(NODE.node().admin().endpoints("edit.example.com").get(0).enable());
    }

    @Test
    void pastedAddressesAreAddedInOneGoEachLocated() {
        EndpointsViewModel vm = on("paste.example.com");
        vm.addPasted("202.96.128.86\n61.135.169.121, 192.0.2.9");
        assertEquals("", vm.errorProperty().get());
        assertEquals(3, vm.rows().size());
        assertEquals(List.of("202.96.128.86", "61.135.169.121", "192.0.2.9"), vm.rows().stream().map(EndpointRow::value).toList());
    }

    @Test
    void deletingAnEndpointTheStrategyUsesOffersRemoveAndRegenerate() {
        EndpointsViewModel vm = on("used.example.com");
        vm.addPasted("202.96.128.86 61.135.169.121");
        NODE.node().admin().recommendStrategy("used.example.com");
        vm.delete(List.of(vm.rows().get(0)));
        assertTrue(vm.inUseProperty().get());
        assertEquals(2, vm.rows().size());
        vm.deleteRegeneratingStrategy();
        assertFalse(vm.inUseProperty().get());
        assertEquals(List.of("61.135.169.121"), vm.rows().stream().map(EndpointRow::value).toList());
    }

    @Test
    void aWeightThatIsNotAWholeNumberIsSaidAsTypedAndTheNodeNamesTheField() {
        EndpointsViewModel vm = on("weight.example.com");
        vm.form().valueProperty().set("192.0.2.7");
        vm.form().weightProperty().set("lots");
        assertEquals("The weight is a whole number, 0 or more.", vm.form().error("weight").get());
        vm.add();
        assertTrue(vm.form().error("weight").get().startsWith("[0].weight: "), vm.form().error("weight").get());
        assertEquals("lots", vm.form().weightProperty().get());
        vm.form().weightProperty().set("3");
        assertEquals("", vm.form().error("weight").get());
    }
}
