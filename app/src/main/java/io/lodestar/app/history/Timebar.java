package io.lodestar.app.history;

import io.lodestar.app.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;

/**
 * The history's time bar: play/pause, speed, and a slider over the range with a tick per change
 * above it (one tick per pixel column at most, its reasons on hover, so 10 000 changes stay cheap).
 */
final class Timebar extends HBox {

    private static final int MAX_REASONS = 6;
    /** Slider track inset on each side (the thumb's half width in the default skin). */
    private static final double INSET = 8;

    private final HistoryViewModel vm;
    private final Slider slider = new Slider();
    private final Pane ticks = new Pane();

    Timebar(HistoryViewModel vm, Messages m) {
        this.vm = vm;
        Button play = new Button(m.get("history.play"));
        play.setId("historyPlay");
        play.setMinWidth(70);
        play.setOnAction(e -> {
            if (vm.playingProperty().get()) {
                vm.playingProperty().set(false);
            } else {
                vm.play();
            }
        });
        vm.playingProperty().addListener((o, a, on) -> play.setText(m.get(on ? "history.pause" : "history.play")));
        ChoiceBox<Double> speed = new ChoiceBox<>();
        speed.setId("historySpeed");
        speed.getItems().setAll(60.0, 600.0, 3600.0, 86400.0);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : m.get("history.speed", d.longValue());
            }

            @Override
            public Double fromString(String s) {
                return 600.0;
            }
        });
        speed.setValue(vm.speedProperty().get());
        speed.valueProperty().addListener((o, a, v) -> vm.speedProperty().set(v));

        slider.setId("historySlider");
        slider.valueProperty().bindBidirectional(vm.positionProperty());
        ticks.setId("historyTicks");
        ticks.setPrefHeight(12);
        ticks.setMinHeight(12);
        VBox track = new VBox(0, ticks, slider);
        HBox.setHgrow(track, Priority.ALWAYS);
        Label moment = new Label();
        moment.setId("historyMoment");
        moment.textProperty().bind(vm.momentTextProperty());
        moment.setMinWidth(260);
        moment.setMaxWidth(420);
        vm.momentsProperty().addListener((o, a, list) -> range());
        ticks.widthProperty().addListener((o, a, w) -> drawTicks());
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(play, speed, track, moment);
        range();
    }

    private void range() {
        slider.setMin(vm.fromProperty().get().toEpochMilli());
        slider.setMax(vm.toProperty().get().toEpochMilli());
        drawTicks();
    }

    private void drawTicks() {
        ticks.getChildren().clear();
        double w = ticks.getWidth() - 2 * INSET;
        double min = slider.getMin();
        double span = slider.getMax() - min;
        if (w <= 0 || span <= 0) {
            return;
        }
        List<HistoryViewModel.Moment> moments = vm.momentsProperty().get();
        int column = Integer.MIN_VALUE;
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i <= moments.size(); i++) {
            int c = i < moments.size() ? (int) Math.round((moments.get(i).at().toEpochMilli() - min) / span * w) : Integer.MAX_VALUE;
            if (c != column && column != Integer.MIN_VALUE && column >= 0 && column <= w) {
                tick(column, reasons);
            }
            if (c != column) {
                column = c;
                reasons = new ArrayList<>();
            }
            if (i < moments.size()) {
                reasons.add(Times.text(moments.get(i).at()) + "  " + moments.get(i).reason());
            }
        }
    }

    private void tick(int column, List<String> reasons) {
        Line l = new Line(INSET + column, 1, INSET + column, 11);
        l.getStyleClass().add("ls-history-tick");
        String text = String.join("\n", reasons.subList(0, Math.min(MAX_REASONS, reasons.size())))
                + (reasons.size() > MAX_REASONS ? "\n… +" + (reasons.size() - MAX_REASONS) : "");
        Tooltip.install(l, new Tooltip(text));
        ticks.getChildren().add(l);
    }
}
