package io.lodestar.app.strategy;

import io.lodestar.app.ui.Messages;
import io.lodestar.engine.strategy.RuleType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

/** A node's context menu: add a child rule or endpoint, delete (with its subtree). */
final class NodeMenu extends ContextMenu {

    NodeMenu(StrategyViewModel vm, Messages m, String id) {
        DraftNode n = vm.draftProperty().get().require(id);
        if (!n.endpoint()) {
            Menu add = new Menu(m.get("editor.addChild"));
            for (RuleType t : RuleType.values()) {
                MenuItem i = new MenuItem(m.get("editor.rule." + t.wire()));
                i.setOnAction(e -> vm.edit(new Edit.Drop(new DropSource.NewRule(t), id)));
                add.getItems().add(i);
            }
            vm.endpoints().forEach(ep -> {
                MenuItem i = new MenuItem(ep.endpoint());
                i.setOnAction(e -> vm.edit(new Edit.Drop(new DropSource.NewEndpoint(ep.endpoint()), id)));
                add.getItems().add(i);
            });
            getItems().add(add);
        }
        MenuItem delete = new MenuItem(m.get("editor.delete"));
        delete.setId("menuDelete");
        delete.setOnAction(e -> vm.edit(new Edit.Delete(id)));
        getItems().add(delete);
    }
}
