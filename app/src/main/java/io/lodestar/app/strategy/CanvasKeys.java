package io.lodestar.app.strategy;

import io.lodestar.app.ui.Messages;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Keyboard access to the canvas: arrows walk the tree (up: parent, down: first child, left/right:
 * siblings), Delete removes the selected subtree, Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) undo and redo,
 * Ctrl+X marks the selected node and Ctrl+V moves it under the selected rule, Home selects the root,
 * the menu key or Shift+F10 opens the node's context menu (add a child, delete).
 * New nodes come from the palette's buttons (Enter or Space adds under the selection).
 */
final class CanvasKeys {

    private final TreeCanvas canvas;
    private final StrategyViewModel vm;
    private final Messages m;
    private String cut = "";

    CanvasKeys(TreeCanvas canvas, StrategyViewModel vm, Messages m) {
        this.canvas = canvas;
        this.vm = vm;
        this.m = m;
    }

    void install() {
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    private void key(KeyEvent e) {
        Draft d = vm.draftProperty().get();
        String sel = vm.selectedProperty().get();
        boolean has = !sel.isEmpty() && d.node(sel).isPresent();
        KeyCode k = e.getCode();
        if (e.isShortcutDown() && (k == KeyCode.Y || (k == KeyCode.Z && e.isShiftDown()))) {
            vm.redo();
        } else if (e.isShortcutDown() && k == KeyCode.Z) {
            vm.undo();
        } else if (e.isShortcutDown() && k == KeyCode.X && has) {
            cut = sel;
            vm.messageProperty().set(m.get("editor.cutHint", d.require(sel).name()));
        } else if (e.isShortcutDown() && k == KeyCode.V && has && !cut.isEmpty()) {
            vm.edit(new Edit.Drop(new DropSource.Existing(cut, false), sel));
            cut = "";
        } else if ((k == KeyCode.DELETE || k == KeyCode.BACK_SPACE) && has) {
            vm.edit(new Edit.Delete(sel));
        } else if ((k == KeyCode.CONTEXT_MENU || (k == KeyCode.F10 && e.isShiftDown())) && has) {
            canvas.showMenuOfSelected();
        } else if (k == KeyCode.HOME && !d.isEmpty()) {
            vm.selectedProperty().set(d.root());
        } else if (k == KeyCode.UP && has) {
            d.parentOf(sel).ifPresent(vm.selectedProperty()::set);
        } else if (k == KeyCode.DOWN) {
            if (!has) {
                vm.selectedProperty().set(d.isEmpty() ? "" : d.root());
            } else if (!d.require(sel).children().isEmpty()) {
                vm.selectedProperty().set(d.require(sel).children().get(0));
            }
        } else if ((k == KeyCode.LEFT || k == KeyCode.RIGHT) && has) {
            d.parentOf(sel).ifPresent(p -> {
                List<String> sib = d.require(p).children();
                int i = sib.indexOf(sel) + (k == KeyCode.LEFT ? -1 : 1);
                if (i >= 0 && i < sib.size()) {
                    vm.selectedProperty().set(sib.get(i));
                }
            });
        } else {
            return;
        }
        e.consume();
    }
}
