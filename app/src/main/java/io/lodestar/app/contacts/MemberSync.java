package io.lodestar.app.contacts;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.controlsfx.control.CheckComboBox;

/** Keeps a CheckComboBox's checked items and the view model's member list the same, both ways. */
final class MemberSync {

    private boolean busy;

    private MemberSync() {
    }

    static void bind(CheckComboBox<String> box, ObservableList<String> members) {
        MemberSync s = new MemberSync();
        members.addListener((ListChangeListener<String>) c -> s.toBox(box, members));
        box.getItems().addListener((ListChangeListener<String>) c -> s.toBox(box, members));
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!s.busy) {
                s.busy = true;
                members.setAll(box.getCheckModel().getCheckedItems());
                s.busy = false;
            }
        });
    }

    private void toBox(CheckComboBox<String> box, ObservableList<String> members) {
        if (busy) {
            return;
        }
        busy = true;
        box.getCheckModel().clearChecks();
        members.forEach(x -> {
            if (box.getItems().contains(x)) {
                box.getCheckModel().check(x);
            }
        });
        busy = false;
    }
}
