package io.lodestar.resolver;

import static io.lodestar.resolver.TestNode.access;
import static io.lodestar.resolver.TestNode.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.node.DomainEntry;
import io.lodestar.engine.node.Snapshot;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** What the engine publishes is what the next query gets (CONTRACT §4: health, stop, pause). */
class SnapshotSwapTest {

    private static final String NAME = "pb.example.com";
    private TestNode node;

    private static DomainEntry entry(DomainStatus status, Set<String> down) {
        Domain d = TestNode.domain(NAME, status, Domain.DEFAULT_TTL);
        return new DomainEntry(d, TestNode.plan("01-primary-backup", d, down));
    }

    @BeforeEach
    void start() throws Exception {
        node = TestNode.start(TestNode.snapshot(1, null, entry(DomainStatus.START, Set.of())));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private String a() throws Exception {
        return ask(node.resolver(false), access(NAME), Type.A).getSection(Section.ANSWER).get(0).rdataToString();
    }

    @Test
    void aHealthChangeIsVisibleToTheNextQuery() throws Exception {
        assertEquals("1.1.1.1", a());
        node.snapshot.set(TestNode.snapshot(2, null, entry(DomainStatus.START, Set.of("1.1.1.1"))));
        assertEquals("2.2.2.2", a(), "primary down: the first backup");
        SOARecord soa = (SOARecord) ask(node.resolver(false), TestNode.ZONE + ".", Type.SOA).getSection(Section.ANSWER).get(0);
        assertEquals(2, soa.getSerial());
    }

    @Test
    void aStoppedDomainIsRefusedAndAnsweredAgainWhenStarted() throws Exception {
        node.snapshot.set(TestNode.snapshot(2, null, entry(DomainStatus.STOP, Set.of())));
        Message m = ask(node.resolver(false), access(NAME), Type.A);
        assertEquals(Rcode.REFUSED, m.getRcode());
        assertTrue(m.getSection(Section.ANSWER).isEmpty());
        node.snapshot.set(TestNode.snapshot(3, null, entry(DomainStatus.START, Set.of())));
        assertEquals("1.1.1.1", a());
    }

    @Test
    void aPausedDomainAnswersFromThePlanItWasGiven() throws Exception {
        Domain paused = TestNode.domain(NAME, DomainStatus.PAUSE, Domain.DEFAULT_TTL);
        // the engine keeps the plan in force at the pause (all up) although 1.1.1.1 is down now
        node.snapshot.set(TestNode.snapshot(2, null, new DomainEntry(paused, TestNode.plan("01-primary-backup", paused, Set.of()))));
        assertEquals("1.1.1.1", a());
    }

    @Test
    void aRemovedDomainIsNxdomainAndAnAddedOneAnswers() throws Exception {
        Snapshot other = TestNode.snapshot(2, null, TestNode.entry("smart.example.com", "04-smart-resolution"));
        node.snapshot.set(other);
        assertEquals(Rcode.NXDOMAIN, ask(node.resolver(false), access(NAME), Type.A).getRcode());
        assertEquals(Rcode.NOERROR, ask(node.resolver(false), access("smart.example.com"), Type.A).getRcode());
    }
}
