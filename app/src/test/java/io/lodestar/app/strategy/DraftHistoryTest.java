package io.lodestar.app.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.testing.LocalNode;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.strategy.RuleType;
import io.lodestar.engine.strategy.Strategy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The editor's draft: drops, refusals with their reasons, moves with subtrees, undo and redo. */
class DraftHistoryTest {

    private final DraftHistory h = new DraftHistory(Draft.EMPTY);

    private String drop(DropSource s, String target) {
        DropCheck c = h.apply(new Edit.Drop(s, target));
        assertTrue(c.ok(), c.toString());
        return h.current().order().stream().filter(id -> !List.of(before).contains(id)).findFirst().orElseThrow();
    }

    private String[] before = new String[0];

    private String add(DropSource s, String target) {
        before = h.current().order().toArray(new String[0]);
        return drop(s, target);
    }

    @Test
    void buildsATreeFromAnEmptyDraftAndWritesItAsTheEnginesStrategy() throws Exception {
        String root = add(new DropSource.NewRule(RuleType.PRIORITY), "");
        String geo = add(new DropSource.NewRule(RuleType.GEO_PROXIMITY), root);
        add(new DropSource.NewEndpoint("1.1.1.1"), geo);
        add(new DropSource.NewEndpoint("2.2.2.2"), geo);
        add(new DropSource.NewEndpoint("3.3.3.3"), root);
        Strategy s = h.current().toStrategy(LocalNode.REGIONS);
        assertEquals("priority-1", s.start());
        assertEquals(2, s.rules().size());
        assertEquals(List.of("geoProximity-1", "3.3.3.3"), s.rules().get(0).items().stream().map(i -> i.reference()).toList());
        assertEquals(List.of(1, 2), s.rules().get(0).items().stream().map(i -> i.priority()).toList());
        assertEquals(List.of("1.1.1.1", "2.2.2.2"), s.rules().get(1).items().stream().map(i -> i.reference()).toList());
        assertEquals(s, Draft.of(s).toStrategy(LocalNode.REGIONS), "read back, the same strategy");
    }

    @Test
    void refusesCyclesEndpointChildrenSecondParentsAndDuplicatesSayingWhy() {
        String root = add(new DropSource.NewRule(RuleType.WRR), "");
        String child = add(new DropSource.NewRule(RuleType.PRIORITY), root);
        String ep = add(new DropSource.NewEndpoint("1.1.1.1"), child);
        Draft d = h.current();
        assertEquals("editor.refuse.cycle", h.apply(new Edit.Drop(new DropSource.Existing(root, false), child)).reason());
        assertEquals("editor.refuse.cycle", h.apply(new Edit.Drop(new DropSource.Existing(child, false), child)).reason());
        assertEquals("editor.refuse.endpointChild", h.apply(new Edit.Drop(new DropSource.NewEndpoint("2.2.2.2"), ep)).reason());
        assertEquals("editor.refuse.endpointChild", h.apply(new Edit.Drop(new DropSource.NewRule(RuleType.WRR), ep)).reason());
        assertEquals("editor.refuse.secondParent", h.apply(new Edit.Drop(new DropSource.Existing(child, true), root)).reason());
        assertEquals("editor.refuse.duplicate", h.apply(new Edit.Drop(new DropSource.NewEndpoint("1.1.1.1"), child)).reason());
        assertEquals("editor.refuse.alreadyThere", h.apply(new Edit.Drop(new DropSource.Existing(ep, false), child)).reason());
        assertEquals("editor.refuse.oneRoot", h.apply(new Edit.Drop(new DropSource.NewRule(RuleType.WRR), "")).reason());
        assertEquals(List.of("1.1.1.1", "priority-1"),
                h.apply(new Edit.Drop(new DropSource.Existing(ep, false), child)).args());
        assertEquals(d, h.current(), "a refused drop changes nothing");
        DraftHistory empty = new DraftHistory(Draft.EMPTY);
        assertEquals("editor.refuse.rootIsRule", empty.apply(new Edit.Drop(new DropSource.NewEndpoint("1.1.1.1"), "")).reason());
    }

    @Test
    void anEndpointMayBeLinkedUnderASecondRule() {
        String root = add(new DropSource.NewRule(RuleType.PRIORITY), "");
        String a = add(new DropSource.NewRule(RuleType.WRR), root);
        String ep = add(new DropSource.NewEndpoint("1.1.1.1"), a);
        assertTrue(h.apply(new Edit.Drop(new DropSource.Existing(ep, true), root)).ok());
        assertEquals(2, h.current().nodes().values().stream().filter(n -> n.name().equals("1.1.1.1")).count());
    }

    @Test
    void movesASubtreeAndUndoRedoWalkEveryEditBackAndForth() {
        String root = add(new DropSource.NewRule(RuleType.PRIORITY), "");
        String a = add(new DropSource.NewRule(RuleType.WRR), root);
        String b = add(new DropSource.NewRule(RuleType.GEO_PROXIMITY), root);
        String ep = add(new DropSource.NewEndpoint("1.1.1.1"), a);
        Draft beforeMove = h.current();
        assertTrue(h.apply(new Edit.Drop(new DropSource.Existing(a, false), b)).ok());
        assertEquals(Optional.of(b), h.current().parentOf(a));
        assertEquals(Optional.of(a), h.current().parentOf(ep), "the subtree moves along");
        Draft afterMove = h.current();
        assertTrue(h.apply(new Edit.EditItem(a, 30, 2, "beijing.CN/*")).ok());
        assertTrue(h.apply(new Edit.EditRule(b, "就近", RuleType.GEO_PROXIMITY, "none.CN", "other", true)).ok());
        assertEquals("editor.refuse.nameTaken",
                h.apply(new Edit.EditRule(a, "就近", RuleType.WRR, "none.CN", "other", true)).reason());
        assertTrue(h.apply(new Edit.Delete(a)).ok());
        assertTrue(h.current().node(ep).isEmpty(), "delete takes the subtree");
        h.undo();
        h.undo();
        h.undo();
        assertEquals(afterMove, h.current());
        h.undo();
        assertEquals(beforeMove, h.current());
        assertTrue(h.canRedo());
        h.redo();
        h.redo();
        assertEquals(30, h.current().require(a).weight());
        assertEquals("beijing.CN/*", h.current().require(a).usersets());
        assertTrue(h.apply(new Edit.Delete(root)).ok());
        assertTrue(h.current().isEmpty());
        assertFalse(h.canRedo(), "a new edit clears redo");
        h.undo();
        assertEquals(root, h.current().root());
    }

    @Test
    void aStoredStrategyRoundTripsThroughTheDraft() throws Exception {
        SeedJson seed = new SeedJson(LocalNode.REGIONS);
        String json = new String(getClass().getResourceAsStream("/composite.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Strategy s = seed.read(json, "www.example.com").strategy();
        Strategy back = Draft.of(s).toStrategy(LocalNode.REGIONS);
        assertEquals(s, back);
        Draft d = Draft.of(s);
        String ep = d.order().get(1);
        assertEquals("复合策略/1.1.1.1", d.traceName(ep));
    }
}
