package io.lodestar.app.shell;

import io.lodestar.app.ui.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Connected node · snapshot version · failing endpoints · latest alert. */
final class StatusBar extends HBox {

    StatusBar(ShellViewModel vm) {
        getStyleClass().add(Styles.STATUS_BAR);
        setSpacing(10);
        setPadding(new Insets(4, 10, 4, 10));
        setAlignment(Pos.CENTER_LEFT);
        Label node = label("statusNode", vm.nodeProperty());
        Label snapshot = label("statusSnapshot", vm.snapshotProperty());
        Label failing = label("statusFailing", vm.failingProperty());
        Label alert = label("statusAlert", vm.alertProperty());
        alert.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(node, sep(), snapshot, sep(), failing, sep(), alert, grow);
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }
}
