package io.lodestar.app.strategy;

import io.lodestar.app.ui.Messages;
import io.lodestar.engine.api.client.StrategyVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The diff against the live strategy before publishing, and the published versions (open, roll back). */
final class PublishPanel extends VBox {

    PublishPanel(StrategyViewModel vm, Messages m, ObservableBooleanValue readOnly) {
        setSpacing(6);
        setPadding(new Insets(8));
        TextArea diff = new TextArea();
        diff.setId("publishDiff");
        diff.setEditable(false);
        diff.setWrapText(true);
        diff.setPrefRowCount(10);
        Button confirm = new Button(m.get("editor.confirmPublish"));
        confirm.setId("confirmPublish");
        confirm.disableProperty().bind(vm.diffProperty().isEqualTo(Optional.empty()).or(readOnly));
        confirm.setOnAction(e -> vm.publish());
        vm.diffProperty().addListener((o, a, d) -> diff.setText(d.map(x -> text(x, m)).orElse(m.get("editor.diffHint"))));
        diff.setText(m.get("editor.diffHint"));

        ListView<StrategyVersion> versions = new ListView<>(vm.versions());
        versions.setId("versions");
        versions.setPrefHeight(160);
        versions.setPlaceholder(new Label(m.get("editor.noVersions")));
        versions.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(StrategyVersion v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : m.get("editor.version", v.version(),
                        v.publishedAt().length() >= 19 ? v.publishedAt().substring(0, 19).replace('T', ' ') : v.publishedAt(),
                        v.actor(), v.note()));
            }
        });
        Button open = new Button(m.get("editor.openVersion"));
        open.setId("openVersion");
        open.disableProperty().bind(versions.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> vm.openVersion(versions.getSelectionModel().getSelectedItem().version()));
        Button rollback = new Button(m.get("editor.rollback"));
        rollback.setId("rollback");
        rollback.disableProperty().bind(versions.getSelectionModel().selectedItemProperty().isNull().or(readOnly));
        rollback.setOnAction(e -> vm.rollback(versions.getSelectionModel().getSelectedItem().version()));
        getChildren().addAll(new Label(m.get("editor.diff")), diff, confirm, new Label(m.get("editor.versions")), versions,
                new HBox(6, open, rollback));
    }

    static String text(DraftDiff d, Messages m) {
        if (d.isEmpty()) {
            return m.get("editor.diff.none");
        }
        List<String> lines = new ArrayList<>();
        d.added().forEach(x -> lines.add("+ " + x));
        d.removed().forEach(x -> lines.add("- " + x));
        d.changed().forEach(x -> lines.add("~ " + x));
        lines.add(m.get("editor.diff.moves", d.moves().size()));
        java.util.Map<String, List<String>> byChange = new java.util.TreeMap<>();
        d.moves().forEach(g -> byChange.computeIfAbsent(g.before() + "  →  " + g.after(), k -> new ArrayList<>()).add(g.group()));
        byChange.forEach((change, groups) -> lines.add("  " + change + "  (" + groups.size() + "): "
                + String.join(", ", groups.subList(0, Math.min(6, groups.size()))) + (groups.size() > 6 ? ", …" : "")));
        return String.join("\n", lines);
    }
}
