package io.lodestar.app.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.lodestar.app.shell.Session;
import io.lodestar.app.testing.LocalNodeExtension;
import io.lodestar.app.testing.WebhookReceiver;
import io.lodestar.engine.api.client.ContactGroupInfo;
import io.lodestar.engine.api.client.ContactInfo;
import io.lodestar.engine.api.client.MailServerInfo;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contacts, groups and send test against a real node, a loopback webhook receiver and GreenMail. */
class ContactsViewModelTest {

    @RegisterExtension
    static final LocalNodeExtension NODE = new LocalNodeExtension();

    private WebhookReceiver receiver;
    private GreenMail smtp;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
        receiver.close();
    }

    private String hook() {
        return receiver.url();
    }

    @Test
    void aContactIsSavedFromTheFormAndItsWebhookTakesTheTestAlert() {
        Session s = NODE.node().sameThreadSession();
        ContactsViewModel vm = new ContactsViewModel(s);
        vm.load();
        vm.value("name").set("hooky");
        vm.value("webhook").set(hook());
        vm.saveContact();
        assertEquals("", vm.errorProperty().get());
        ContactInfo saved = vm.contacts().stream().filter(c -> c.name().equals("hooky")).findFirst().orElseThrow();
        assertTrue(vm.contactNames().contains("hooky"));
        vm.sendTest(saved);
        assertEquals(1, vm.results().size());
        assertTrue(vm.results().get(0).ok(), vm.results().toString());
        assertEquals("webhook", vm.results().get(0).channel());
        assertEquals("1 of 1 channels took the test alert", vm.testStateProperty().get());
        assertEquals(1, receiver.received());
    }

    @Test
    void typingHintsAtOnceAndTheNodesRefusalStandsBesideItsFieldWithTheTypedValuesKept() {
        Session s = NODE.node().sameThreadSession();
        ContactsViewModel vm = new ContactsViewModel(s);
        vm.value("name").set("bad");
        vm.value("email").set("nobody");
        assertEquals("An e-mail address has an @, like ops@example.com.", vm.error("email").get());
        vm.value("email").set("nobody@");
        assertEquals("", vm.error("email").get());
        vm.value("phone").set("call me");
        vm.saveContact();
        assertTrue(vm.error("email").get().startsWith("email: 'nobody@' is not an e-mail address"), vm.error("email").get());
        assertEquals("nobody@", vm.value("email").get());
        assertEquals("call me", vm.value("phone").get());
        assertEquals("", vm.errorProperty().get());
        vm.value("webhook").set("ftp://x");
        assertEquals("A webhook is an http:// or https:// URL.", vm.error("webhook").get());
    }

    @Test
    void aGroupIsSavedWithItsMembersAndSendTestMailsEveryMember() throws Exception {
        Session s = NODE.node().sameThreadSession();
        NODE.node().admin().putMailServer(new MailServerInfo("127.0.0.1", smtp.getSmtp().getPort(), "none",
                "lodestar@example.com", "", ""));
        NODE.node().admin().putContact(new ContactInfo("alice", "alice@example.com", "", ""));
        NODE.node().admin().putContact(new ContactInfo("bob", "", "", hook()));
        ContactsViewModel vm = new ContactsViewModel(s);
        vm.load();
        vm.groupNameProperty().set("oncall");
        vm.members().setAll("alice", "bob");
        vm.saveGroup();
        ContactGroupInfo g = vm.groups().stream().filter(x -> x.name().equals("oncall")).findFirst().orElseThrow();
        assertEquals(List.of("alice", "bob"), g.members());
        vm.sendGroupTest(g);
        assertEquals(List.of("alice", "bob"), vm.results().stream().map(d -> d.contact()).toList());
        assertTrue(vm.results().stream().allMatch(d -> d.ok()), vm.results().toString());
        assertTrue(smtp.waitForIncomingEmail(5_000, 1));
        assertTrue(smtp.getReceivedMessages()[0].getSubject().contains("Lodestar test alert for alice"));
        assertEquals(1, receiver.received());
    }

    @Test
    void aGroupWithAnUnknownMemberIsRefusedBesideTheMembersAndKeepsTheName() {
        Session s = NODE.node().sameThreadSession();
        ContactsViewModel vm = new ContactsViewModel(s);
        vm.groupNameProperty().set("ghosts");
        vm.members().setAll("casper");
        vm.saveGroup();
        assertTrue(vm.membersErrorProperty().get().contains("no contact 'casper'"), vm.membersErrorProperty().get());
        assertEquals("ghosts", vm.groupNameProperty().get());
        assertFalse(vm.groups().stream().anyMatch(x -> x.name().equals("ghosts")));
    }

    @Test
    void aDomainsNotificationSettingsAreTickedPerGroupAndSaved() {
        Session s = NODE.node().sameThreadSession();
        NODE.node().admin().createDomain("notify.example.com", true);
        NODE.node().admin().putContact(new ContactInfo("carol", "carol@example.com", "", ""));
        NODE.node().admin().putContactGroup(new ContactGroupInfo("noc", List.of("carol")));
        s.domainProperty().set("notify.example.com");
        NotificationsViewModel vm = new NotificationsViewModel(s);
        vm.load();
        NotificationRow noc = vm.rows().stream().filter(r -> r.group().equals("noc")).findFirst().orElseThrow();
        assertTrue(noc.kinds().isEmpty());
        noc.hears("endpoint_down").set(true);
        noc.hears("all_down").set(true);
        vm.save();
        assertEquals("Saved for notify.example.com", vm.stateProperty().get());
        assertEquals(List.of("endpoint_down", "all_down"), NODE.node().admin().notifications("notify.example.com").get("noc"));
        vm.dispose();
        s.domainProperty().set("");
        assertEquals(List.of("endpoint_down", "all_down"), vm.rows().stream().filter(r -> r.group().equals("noc"))
                .findFirst().orElseThrow().kinds(), "a disposed view model no longer follows the session's domain");
    }

    @Test
    void aGroupIsTickedToHearGrayMigrationsAndDrills() {
        Session s = NODE.node().sameThreadSession();
        NODE.node().admin().createDomain("ramps.example.com", true);
        NODE.node().admin().putContact(new ContactInfo("dave", "dave@example.com", "", ""));
        NODE.node().admin().putContactGroup(new ContactGroupInfo("release", List.of("dave")));
        s.domainProperty().set("ramps.example.com");
        NotificationsViewModel vm = new NotificationsViewModel(s);
        vm.load();
        NotificationRow release = vm.rows().stream().filter(r -> r.group().equals("release")).findFirst().orElseThrow();
        release.hears("ramp").set(true);
        release.hears("drill").set(true);
        vm.save();
        assertEquals(List.of("ramp", "drill"), NODE.node().admin().notifications("ramps.example.com").get("release"));
        vm.load();
        assertEquals(List.of("ramp", "drill"), vm.rows().stream().filter(r -> r.group().equals("release"))
                .findFirst().orElseThrow().kinds(), "read back from the node");
        vm.dispose();
    }

    @Test
    void theMailServerIsSetFromItsFormAndTheTestMailArrives() throws Exception {
        Session s = NODE.node().sameThreadSession();
        MailServerViewModel mail = new MailServerViewModel(s);
        mail.load();
        assertTrue(mail.allowedProperty().get());
        mail.value("port").set("twenty-five");
        assertEquals("The port is a whole number, like 25, 465 or 587.", mail.error("port").get());
        mail.value("port").set(Integer.toString(smtp.getSmtp().getPort()));
        mail.value("host").set("127.0.0.1");
        mail.value("from").set("not-an-address");
        mail.save();
        assertTrue(mail.error("from").get().startsWith("from: "), mail.error("from").get());
        assertEquals("not-an-address", mail.value("from").get());
        mail.value("from").set("lodestar@example.com");
        mail.save();
        assertEquals("Saved: the next alert e-mail goes through it.", mail.stateProperty().get());
        NODE.node().admin().putContact(new ContactInfo("erin", "erin@example.com", "", ""));
        ContactsViewModel vm = new ContactsViewModel(s);
        vm.load();
        vm.sendTest(vm.contacts().stream().filter(c -> c.name().equals("erin")).findFirst().orElseThrow());
        assertTrue(vm.results().get(0).ok(), vm.results().toString());
        assertTrue(smtp.waitForIncomingEmail(5_000, 1));
    }

    @Test
    void aWriteTokenIsToldTheMailServerNeedsAFullOne() {
        Session s = NODE.node().sameThreadSession();
        s.connect(new io.lodestar.engine.api.client.HttpNodeClient(s.client().baseUrl(),
                NODE.node().admin().createToken("writer", "write").secret()));
        MailServerViewModel mail = new MailServerViewModel(s);
        mail.load();
        assertFalse(mail.allowedProperty().get());
        assertEquals("The mail server is set with a full token.", mail.stateProperty().get());
    }
}
