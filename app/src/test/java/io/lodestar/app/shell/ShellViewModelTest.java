package io.lodestar.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.UiTasks;
import io.lodestar.engine.api.client.HttpNodeClient;
import io.lodestar.engine.api.client.EndpointInfo;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.testing.LocalNodeExtension;

class ShellViewModelTest {

    @RegisterExtension
    static final LocalNodeExtension NODE = new LocalNodeExtension();

    @Test
    void theStatusBarNamesTheNodeItsSnapshotAndCountsFailingEndpoints() {
        NODE.node().admin().createDomain("bar.example.com", true);
        NODE.node().admin().addEndpoints(List.of(EndpointInfo.of("bar.example.com", "127.0.0.1", "A", "beijing.CN", "ct", "", 1, true, true)));
        ShellViewModel vm = new ShellViewModel(NODE.node().sameThreadSession());
        vm.refresh();
        assertTrue(vm.nodeProperty().get().startsWith("Node local at http://127.0.0.1:"), vm.nodeProperty().get());
        // a node on its own serves a snapshot numbered from 1 (publishing the new endpoint made one)
        assertTrue(vm.snapshotProperty().get().matches("Snapshot v[1-9]\\d*"), vm.snapshotProperty().get());
        assertEquals("No failing endpoints", vm.failingProperty().get());
        assertEquals("No alerts sent", vm.alertProperty().get());
    }

    @Test
    void anUnreachableNodeIsSaidInTheStatusBar() {
        Session s = new Session(new HttpNodeClient("http://127.0.0.1:1", "x-token-that-goes-nowhere"), UiTasks.sameThread(),
                new Messages(Locale.ENGLISH), LocalNode.REGIONS, LocalNode.LOCATOR);
        ShellViewModel vm = new ShellViewModel(s);
        vm.refresh();
        assertTrue(vm.nodeProperty().get().startsWith("Node http://127.0.0.1:1 is not answering"), vm.nodeProperty().get());
        assertTrue(s.readOnlyProperty().get());
    }

    @Test
    void theLanguageSwitchKeepsTheNodeTheTokenAndTheDomain() {
        Session en = NODE.node().sameThreadSession();
        en.domainProperty().set("shop.example.com");
        Session zh = en.inLanguage(new Messages(Locale.SIMPLIFIED_CHINESE));
        assertEquals(en.client(), zh.client());
        assertEquals("shop.example.com", zh.domainProperty().get());
        assertEquals(Locale.SIMPLIFIED_CHINESE, zh.messages().locale());
    }
}
