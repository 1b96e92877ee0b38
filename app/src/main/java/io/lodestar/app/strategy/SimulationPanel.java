package io.lodestar.app.strategy;

import io.lodestar.app.ui.Messages;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.resources.region.Regions;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Simulation of the draft: a user group (province or abroad region, and ISP) or a client IP; what-if
 * failed endpoints; the path lights up on the canvas and the answers with their shares are listed.
 */
final class SimulationPanel extends VBox {

    SimulationPanel(StrategyViewModel vm, Messages m, Regions regions) {
        setSpacing(6);
        setPadding(new Insets(8));
        ComboBox<String> area = new ComboBox<>();
        area.setId("simArea");
        regions.areas().stream().filter(a -> a.kind().leaf()).forEach(a -> area.getItems().add(a.code()));
        area.setValue("beijing.CN");
        area.setEditable(true);
        ComboBox<String> isp = new ComboBox<>();
        isp.setId("simIsp");
        regions.isps().forEach(i -> isp.getItems().add(i.code()));
        isp.setValue("ct");
        TextField ip = new TextField();
        ip.setId("simIp");
        ip.setPromptText(m.get("editor.sim.ipPrompt"));
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, new Label(m.get("editor.sim.area")), area);
        form.addRow(1, new Label(m.get("editor.sim.isp")), isp);
        form.addRow(2, new Label(m.get("editor.sim.ip")), ip);
        VBox failed = new VBox(2);
        failed.setId("simFailed");
        java.util.List<String> shown = new java.util.ArrayList<>();
        Runnable rebuild = () -> {
            java.util.List<String> keys = vm.endpoints().stream().map(EndpointInfo::endpoint).toList();
            if (keys.equals(shown) && !failed.getChildren().isEmpty()) {
                return; // a status refresh: keep the boxes (one may be under the pointer)
            }
            shown.clear();
            shown.addAll(keys);
            failed.getChildren().clear();
            for (EndpointInfo e : vm.endpoints()) {
                CheckBox b = new CheckBox(e.endpoint());
                b.setSelected(vm.failed().contains(e.endpoint()));
                b.selectedProperty().addListener((o, was, on) -> {
                    if (on) {
                        vm.failed().add(e.endpoint());
                    } else {
                        vm.failed().remove(e.endpoint());
                    }
                });
                failed.getChildren().add(b);
            }
        };
        vm.endpoints().addListener((ListChangeListener<EndpointInfo>) c -> rebuild.run());
        rebuild.run();
        Button run = new Button(m.get("editor.sim.run"));
        run.setId("simulate");
        run.setOnAction(e -> vm.simulate(area.getEditor().getText().isBlank() ? area.getValue() : area.getEditor().getText().trim(),
                isp.getValue(), ip.getText().trim()));
        Button clear = new Button(m.get("editor.sim.clear"));
        clear.setId("clearSimulation");
        clear.setOnAction(e -> vm.clearSimulation());
        ListView<String> answers = new ListView<>(vm.answers());
        answers.setId("simAnswers");
        answers.setPrefHeight(120);
        answers.setPlaceholder(new Label(m.get("editor.sim.none")));
        getChildren().addAll(form, new Label(m.get("editor.sim.failed")), failed, new HBox(6, run, clear),
                new Label(m.get("editor.sim.answers")), answers);
    }
}
