package io.lodestar.app.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.domains.DomainsViewModel;
import io.lodestar.app.shell.EmbeddedNode;
import io.lodestar.app.shell.Session;
import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.testing.LocalNodeExtension;
import io.lodestar.engine.api.client.NodeClientException;
import io.lodestar.engine.api.client.NodeInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The console's own node and its list of remote nodes, against real nodes on loopback. */
class NodesViewModelTest {

    @RegisterExtension
    static final LocalNodeExtension NODE = new LocalNodeExtension();

    @TempDir
    static Path dir;
    private static LocalNode remote;

    @BeforeAll
    static void startRemote() throws Exception {
        remote = new LocalNode(dir.resolve("remote"));
        remote.admin().createDomain("remote-only.example.com", true);
    }

    @AfterAll
    static void stopRemote() {
        remote.close();
    }

    @Test
    void aRemoteAddedByUrlAndTokenIsKeptOnlineAndManagingItShowsItsDomains() throws Exception {
        Session s = NODE.node().sameThreadSession();
        Path file = dir.resolve("a/remote-nodes.json");
        NodesViewModel vm = new NodesViewModel(s, s.client(), Optional.empty(), RemoteNodes.in(file));
        vm.load();
        assertTrue(vm.remotes().isEmpty());
        vm.newUrlProperty().set(remote.admin().baseUrl() + "/");
        vm.newTokenProperty().set(LocalNode.ADMIN);
        vm.add();
        assertEquals("", vm.urlErrorProperty().get() + vm.tokenErrorProperty().get() + vm.errorProperty().get());
        RemoteStatus r = vm.remotes().get(0);
        assertEquals(remote.admin().baseUrl(), r.node().url());
        assertTrue(r.online());
        assertEquals("full", r.role());
        assertEquals("none.CN/other", r.site());
        assertFalse(r.version().isEmpty());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(new RemoteNode(remote.admin().baseUrl(), LocalNode.ADMIN)), RemoteNodes.in(file).load());

        NodesViewModel again = new NodesViewModel(s, s.client(), Optional.empty(), RemoteNodes.in(file));
        again.load();
        assertTrue(again.remotes().get(0).online(), "the list outlives the console");

        again.manage(again.remotes().get(0));
        assertEquals(remote.admin().baseUrl(), s.client().baseUrl());
        assertTrue(again.managedProperty().get().contains("remote node at " + remote.admin().baseUrl()));
        DomainsViewModel domains = new DomainsViewModel(s);
        domains.refresh();
        assertEquals(List.of("remote-only.example.com"), domains.domains().stream().map(d -> d.domain()).toList());
        again.manageLocal();
        assertEquals(NODE.node().admin().baseUrl(), s.client().baseUrl());
        again.remove(again.remotes().get(0));
        assertTrue(RemoteNodes.in(file).load().isEmpty());
    }

    @Test
    void aMemberAddedThroughTheScreenIsListedWithItsSiteAndSnapshotAndRemovedOnceConfirmed() throws Exception {
        Session s = NODE.node().sameThreadSession();
        NodesViewModel vm = new NodesViewModel(s, s.client(), Optional.empty(), RemoteNodes.inMemory());
        MembersViewModel members = vm.members();
        // a node of its own: becoming a member replaces its configuration, which the other tests read
        try (LocalNode member = new LocalNode(dir.resolve("member"))) {
            vm.load();
            assertEquals(List.of("control"), members.members().stream().map(NodeInfo::role).toList());
            members.newUrlProperty().set(member.admin().baseUrl());
            members.newTokenProperty().set("not-its-token");
            members.add();
            assertFalse(members.tokenErrorProperty().get().isEmpty(), "the member's refusal is said beside the token");
            assertEquals(1, members.members().size());

            members.newTokenProperty().set(LocalNode.ADMIN);
            members.add();
            assertEquals("", members.urlErrorProperty().get() + members.tokenErrorProperty().get() + members.errorProperty().get());
            assertEquals("", members.newUrlProperty().get(), "the form is cleared once added");
            LocalNode.await(10, () -> {
                members.refresh();
                return members.members().size() == 2 && members.members().get(1).snapshotVersion() > 0;
            }, "the member took a snapshot");
            NodeInfo n = members.members().get(1);
            assertEquals("member", n.role());
            assertEquals("none.CN/other", n.site());
            assertEquals(member.admin().baseUrl(), n.url());
            assertEquals(members.members().get(0).snapshotVersion(), n.snapshotVersion());
            assertFalse(MembersViewModel.retryable(n), "nothing to retry for a member that is up to date");
            assertEquals("ok", members.status(n));
            assertTrue(members.lastContact(n).matches("\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), members.lastContact(n));

            members.askRemove(members.members().get(0));
            assertEquals(null, members.pendingRemoveProperty().get(), "the managed node itself is not removed");
            members.askRemove(n);
            members.cancelRemove();
            members.refresh();
            assertEquals(2, members.members().size(), "cancelled: still a member");
            members.askRemove(n);
            members.confirmRemove();
            assertEquals(List.of("control"), members.members().stream().map(NodeInfo::role).toList());
            assertEquals(1, NODE.node().admin().nodes().size());
        }
        vm.dispose();
    }

    @Test
    void aBadUrlIsSaidAsTypedAWrongTokenBesideTheTokenAndAnUnreachableNodeBesideTheUrl() throws Exception {
        Session s = NODE.node().sameThreadSession();
        NodesViewModel vm = new NodesViewModel(s, s.client(), Optional.empty(), RemoteNodes.inMemory());
        vm.newUrlProperty().set("192.0.2.1:8053");
        assertTrue(vm.urlErrorProperty().get().startsWith("An API URL is http://"), vm.urlErrorProperty().get());
        vm.newUrlProperty().set(remote.admin().baseUrl());
        assertEquals("", vm.urlErrorProperty().get());
        vm.newTokenProperty().set("not-the-token-at-all");
        vm.add();
        assertFalse(vm.tokenErrorProperty().get().isEmpty());
        assertTrue(vm.remotes().isEmpty());
        assertEquals(remote.admin().baseUrl(), vm.newUrlProperty().get(), "typed input stays");
        vm.newUrlProperty().set("http://127.0.0.1:1");
        vm.add();
        assertTrue(vm.urlErrorProperty().get().startsWith("The node did not answer"), vm.urlErrorProperty().get());
        assertTrue(vm.remotes().isEmpty());
    }

    @Test
    void theConsolesOwnNodeStopsAndStartsAgainOnTheSamePortsWithItsLog() throws Exception {
        try (EmbeddedNode own = EmbeddedNode.start(dir.resolve("own"), LocalNode.REGIONS, LocalNode.LOCATOR)) {
            Session s = new Session(own.client(), io.lodestar.app.ui.UiTasks.sameThread(),
                    new io.lodestar.app.ui.Messages(java.util.Locale.ENGLISH), LocalNode.REGIONS, LocalNode.LOCATOR);
            NodesViewModel vm = new NodesViewModel(s, own.client(), Optional.of(own), RemoteNodes.inMemory());
            vm.load();
            assertTrue(vm.localRunningProperty().get());
            assertEquals("Running: API " + own.apiUrl() + ", DNS " + own.dnsAddress() + " (UDP and TCP)", vm.localStateProperty().get());
            assertTrue(vm.localLog().stream().anyMatch(l -> l.endsWith("api " + own.apiUrl())), vm.localLog().toString());
            vm.stopLocal();
            assertFalse(vm.localRunningProperty().get());
            assertTrue(vm.localLog().get(vm.localLog().size() - 1).endsWith("stopped"));
            assertTrue(assertThrows(NodeClientException.class, () -> own.client().domains()).unreachable());
            vm.startLocal();
            assertTrue(vm.localRunningProperty().get());
            assertTrue(own.client().domains().size() >= 3, "the same client reaches the restarted node and its demo");
            assertFalse(s.readOnlyProperty().get());
        }
    }
}
