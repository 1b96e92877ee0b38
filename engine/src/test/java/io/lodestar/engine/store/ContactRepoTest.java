package io.lodestar.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.model.Contact;
import io.lodestar.engine.model.ContactGroup;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contacts, contact groups and per-domain notification settings. */
class ContactRepoTest {

    private static final String D = "www.example.com";
    private static final Contact ALICE = new Contact("alice", Optional.of("alice@example.com"), Optional.of("+86 10 5555"),
            Optional.of("https://hooks.example.com/a"));
    private static final Contact BOB = new Contact("bob", Optional.empty(), Optional.empty(),
            Optional.of("https://hooks.example.com/b"));

    @TempDir
    Path dir;

    private StoreFixture f;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
        f.store.transaction(tx -> {
            tx.contacts().put(BOB);
            tx.contacts().put(ALICE);
            return null;
        });
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void contactsRoundTripWithAbsentChannels() {
        assertEquals(List.of(ALICE, BOB), f.store.read(tx -> tx.contacts().list()));
        assertEquals(Optional.of(BOB), f.store.read(tx -> tx.contacts().get("bob")));
    }

    @Test
    void groupsKeepTheirMembersInOrder() {
        ContactGroup g = new ContactGroup("oncall", List.of("bob", "alice"));
        f.store.transaction(tx -> {
            tx.contactGroups().put(g);
            tx.contactGroups().put(new ContactGroup("empty", List.of()));
            return null;
        });
        assertEquals(Optional.of(g), f.store.read(tx -> tx.contactGroups().get("oncall")));
        assertEquals(List.of(new ContactGroup("empty", List.of()), g), f.store.read(tx -> tx.contactGroups().list()));

        ContactGroup changed = new ContactGroup("oncall", List.of("alice"));
        f.store.transaction(tx -> {
            tx.contactGroups().put(changed);
            return null;
        });
        assertEquals(Optional.of(changed), f.store.read(tx -> tx.contactGroups().get("oncall")));
    }

    @Test
    void changingAContactKeepsItsMembershipsAndDeletingItRemovesThem() {
        f.store.transaction(tx -> {
            tx.contactGroups().put(new ContactGroup("oncall", List.of("alice", "bob")));
            tx.contacts().put(new Contact("alice", Optional.empty(), Optional.of("+86 10 6666"), Optional.empty()));
            return null;
        });
        assertEquals(List.of("alice", "bob"), f.store.read(tx -> tx.contactGroups().get("oncall").orElseThrow().members()));

        assertTrue(f.changed(tx -> tx.contacts().delete("alice")));
        assertEquals(List.of("bob"), f.store.read(tx -> tx.contactGroups().get("oncall").orElseThrow().members()));
    }

    @Test
    void groupWithUnknownMemberIsRefused() {
        assertThrows(StoreException.class, () -> f.store.transaction(tx -> {
            tx.contactGroups().put(new ContactGroup("oncall", List.of("alice", "nobody")));
            return null;
        }));
        assertEquals(Optional.empty(), f.store.read(tx -> tx.contactGroups().get("oncall")));
    }

    @Test
    void notificationSettingsSayWhichGroupHearsWhichEvents() {
        f.addDomain(D, "192.0.2.1");
        f.store.transaction(tx -> {
            tx.contactGroups().put(new ContactGroup("oncall", List.of("alice")));
            tx.contactGroups().put(new ContactGroup("managers", List.of("bob")));
            tx.notifications().replace(D, Map.of("oncall", EnumSet.allOf(EventKind.class), "managers", Set.of()));
            tx.notifications().replace(D, Map.of("oncall", EnumSet.of(EventKind.ENDPOINT_DOWN, EventKind.ENDPOINT_UP),
                    "managers", EnumSet.of(EventKind.ALL_DOWN, EventKind.ENDPOINT_DOWN)));
            return null;
        });

        assertEquals(Map.of("oncall", EnumSet.of(EventKind.ENDPOINT_DOWN, EventKind.ENDPOINT_UP),
                "managers", EnumSet.of(EventKind.ALL_DOWN, EventKind.ENDPOINT_DOWN)),
                f.store.read(tx -> tx.notifications().forDomain(D)));
        assertEquals(List.of("managers", "oncall"),
                f.store.read(tx -> tx.notifications().groupsHearing(D, EventKind.ENDPOINT_DOWN)));
        assertEquals(List.of(), f.store.read(tx -> tx.notifications().groupsHearing(D, EventKind.PUBLISHED)));
    }

    @Test
    void deletingAGroupStopsItsNotifications() {
        f.addDomain(D, "192.0.2.1");
        f.store.transaction(tx -> {
            tx.contactGroups().put(new ContactGroup("oncall", List.of("alice")));
            tx.notifications().replace(D, Map.of("oncall", Set.of(EventKind.ALL_DOWN)));
            return tx.contactGroups().delete("oncall");
        });
        assertEquals(Map.of(), f.store.read(tx -> tx.notifications().forDomain(D)));
        assertEquals(List.of(ALICE, BOB), f.store.read(tx -> tx.contacts().list()), "its contacts stay");
    }
}
