package io.lodestar.app.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.shell.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.lodestar.app.testing.LocalNodeExtension;

class AccessViewModelTest {

    @RegisterExtension
    static final LocalNodeExtension NODE = new LocalNodeExtension();

    @Test
    void aFullTokenListsTokensAndANewOnesSecretIsShownOnce() {
        Session s = NODE.node().sameThreadSession();
        AccessViewModel vm = new AccessViewModel(s, s.client());
        vm.load();
        assertFalse(vm.manageDisabled().get());
        assertTrue(vm.tokens().stream().anyMatch(t -> t.name().equals("admin")));
        vm.newNameProperty().set("ci");
        vm.newRoleProperty().set("write");
        vm.create();
        assertFalse(vm.issuedProperty().get().isEmpty());
        assertTrue(vm.tokens().stream().anyMatch(t -> t.name().equals("ci") && t.role().equals("write") && t.secret().isEmpty()));
    }

    @Test
    void usingAReadTokenMakesTheSessionReadOnlyWithTheReasonAndTheHomeTokenUndoesIt() {
        Session s = NODE.node().sameThreadSession();
        AccessViewModel vm = new AccessViewModel(s, s.client());
        vm.newNameProperty().set("viewer");
        vm.newRoleProperty().set("read");
        vm.create();
        vm.useTypedToken();
        assertTrue(s.readOnlyProperty().get());
        assertEquals("Read-only: token 'viewer' has role read, which may only look. Editing needs a write or full token (Access).",
                s.readOnlyReasonProperty().get());
        assertTrue(vm.manageDisabled().get());
        assertTrue(vm.tokens().isEmpty());
        assertTrue(vm.listNoteProperty().get().contains("role read"));
        vm.useHomeToken();
        assertFalse(s.readOnlyProperty().get());
        assertEquals("", s.readOnlyReasonProperty().get());
    }
}
