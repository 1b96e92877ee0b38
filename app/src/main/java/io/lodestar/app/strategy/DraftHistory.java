package io.lodestar.app.strategy;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The draft with undo and redo: every accepted edit keeps the draft it replaced. Pure Java; the
 * view model exposes {@link #current()} as a property.
 */
public final class DraftHistory {

    private static final int LIMIT = 500;

    private Draft current;
    private final Deque<Draft> undo = new ArrayDeque<>();
    private final Deque<Draft> redo = new ArrayDeque<>();

    public DraftHistory(Draft start) {
        this.current = start;
    }

    public Draft current() {
        return current;
    }

    /** Makes the edit if it is allowed; the answer says whether it was, or why not. Redo is cleared. */
    public DropCheck apply(Edit edit) {
        DropCheck c = edit.check(current);
        if (!c.ok()) {
            return c;
        }
        Draft next = edit.apply(current);
        if (next.equals(current)) {
            return c;
        }
        undo.push(current);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        current = next;
        return c;
    }

    /** Starts over from {@code d} with no history (a domain loaded, a draft published). */
    public void reset(Draft d) {
        current = d;
        undo.clear();
        redo.clear();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void undo() {
        if (canUndo()) {
            redo.push(current);
            current = undo.pop();
        }
    }

    public void redo() {
        if (canRedo()) {
            undo.push(current);
            current = redo.pop();
        }
    }
}
