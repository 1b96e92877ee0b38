package io.lodestar.app.history;

import io.lodestar.app.map.ChinaMap;
import io.lodestar.app.map.MapWidgets;
import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The history of a domain's schedule results: a date-time range, a time slider with a tick per
 * change (reasons on hover) that replays the map as it is dragged, play/pause at a chosen speed,
 * compare mode (the pinned moment beside the slider's, changed provinces outlined), PNG and CSV export.
 */
public final class HistoryView extends BorderPane {

    private final Timeline player;

    public HistoryView(Session session, HistoryViewModel vm) {
        Messages m = session.messages();
        getStyleClass().add(Styles.SCREEN);
        getStylesheets().add(MapWidgets.styleSheet());
        setPadding(new Insets(12, 16, 12, 16));

        Label title = new Label(m.get("history.title"));
        title.getStyleClass().add(Styles.TITLE);
        ComboBox<String> domain = new ComboBox<>(session.domains());
        domain.setId("historyDomain");
        domain.valueProperty().bindBidirectional(session.domainProperty());
        TextField from = timeField("historyFrom", vm.fromProperty().get());
        TextField to = timeField("historyTo", vm.toProperty().get());
        vm.fromProperty().addListener((o, a, t) -> from.setText(Times.text(t)));
        vm.toProperty().addListener((o, a, t) -> to.setText(Times.text(t)));
        Label error = new Label();
        error.getStyleClass().add(Styles.ERROR);
        error.setId("historyError");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Button load = new Button(m.get("history.load"));
        load.setId("historyLoad");
        load.setOnAction(e -> {
            Optional<Instant> f = Times.parse(from.getText());
            Optional<Instant> t = Times.parse(to.getText());
            if (f.isEmpty() || t.isEmpty() || !f.get().isBefore(t.get())) {
                error.textProperty().unbind();
                error.setText(m.get("history.badRange"));
                error.textProperty().bind(vm.errorProperty());
                return;
            }
            vm.fromProperty().set(f.get());
            vm.toProperty().set(t.get());
            vm.load();
        });
        HBox quick = new HBox(4);
        for (String[] q : new String[][] {{"1h", "PT1H"}, {"24h", "P1D"}, {"7d", "P7D"}, {"30d", "P30D"}}) {
            Button b = new Button(q[0]);
            b.setId("historyLast" + q[0]);
            b.setOnAction(e -> vm.last(Duration.parse(q[1])));
            quick.getChildren().add(b);
        }
        HBox top = new HBox(8, title, new Label(m.get("common.domain")), domain, new Label(m.get("history.from")), from,
                new Label(m.get("history.to")), to, load, quick);
        top.setAlignment(Pos.CENTER_LEFT);

        ChinaMap map = new ChinaMap(vm.choice().layout());
        map.setId("historyMap");
        map.setTooltipText(a -> vm.choice().text().tooltip(vm.frameProperty().get(), a));
        ChinaMap before = new ChinaMap(vm.choice().layout());
        before.setId("historyMapBefore");
        before.setTooltipText(a -> vm.pinnedProperty().get() == null ? a : vm.choice().text().tooltip(vm.pinnedProperty().get().frame(), a));
        Label beforeTitle = new Label();
        beforeTitle.getStyleClass().add("ls-map-detail-title");
        Label nowTitle = new Label();
        nowTitle.getStyleClass().add("ls-map-detail-title");
        nowTitle.textProperty().bind(vm.momentTextProperty());
        VBox beforeBox = new VBox(4, beforeTitle, before);
        VBox nowBox = new VBox(4, nowTitle, map);
        VBox.setVgrow(before, Priority.ALWAYS);
        VBox.setVgrow(map, Priority.ALWAYS);
        HBox.setHgrow(beforeBox, Priority.ALWAYS);
        HBox.setHgrow(nowBox, Priority.ALWAYS);
        beforeBox.visibleProperty().bind(vm.compareProperty());
        beforeBox.managedProperty().bind(vm.compareProperty());
        HBox maps = new HBox(10, beforeBox, nowBox);
        Runnable paint = () -> {
            HistoryViewModel.Moment pin = vm.pinnedProperty().get();
            map.paint(vm.frameProperty().get(), vm.choice().ispChoice(), vm.choice().palette(), pin == null ? null : pin.frame());
            if (pin != null) {
                before.paint(pin.frame(), vm.choice().ispChoice(), vm.choice().palette(), null);
                beforeTitle.setText(m.get("history.pinned", Times.text(pin.at())));
            }
        };
        vm.frameProperty().addListener((o, a, f) -> paint.run());
        vm.choice().ispProperty().addListener((o, a, f) -> paint.run());
        vm.pinnedProperty().addListener((o, a, f) -> paint.run());

        CheckBox compare = new CheckBox(m.get("history.compare"));
        compare.setId("historyCompare");
        compare.selectedProperty().bindBidirectional(vm.compareProperty());
        Label exportError = new Label();
        exportError.getStyleClass().add(Styles.ERROR);
        exportError.managedProperty().bind(exportError.textProperty().isNotEmpty());
        Button png = new Button(m.get("map.exportPng"));
        png.setId("historyExportPng");
        png.setOnAction(e -> MapWidgets.exportPng(maps, m, exportError::setText));
        Button csv = new Button(m.get("map.exportCsv"));
        csv.setId("historyExportCsv");
        csv.setOnAction(e -> MapWidgets.exportCsv(this, vm.csv(), m, exportError::setText));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox second = new HBox(10, MapWidgets.ispSelector(vm.choice().layout(), vm.choice().text(), vm.choice().ispProperty()), compare, grow, png, csv);
        second.setAlignment(Pos.CENTER_LEFT);

        Timebar bar = new Timebar(vm, m);
        setTop(new VBox(6, top, second, error, exportError));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 8, 0));
        setCenter(maps);
        TitledPane legend = new TitledPane(m.get("map.legend"), MapWidgets.legend(vm.legend(), m));
        legend.setCollapsible(false);
        legend.setPrefWidth(330);
        BorderPane.setMargin(legend, new Insets(0, 0, 0, 10));
        setRight(legend);
        setBottom(bar);
        BorderPane.setMargin(bar, new Insets(8, 0, 0, 0));

        player = new Timeline(new KeyFrame(javafx.util.Duration.millis(100), e -> vm.tick(0.1)));
        player.setCycleCount(Timeline.INDEFINITE);
        vm.playingProperty().addListener((o, a, on) -> {
            if (on) {
                player.play();
            } else {
                player.stop();
            }
        });
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                vm.playingProperty().set(false);
            }
        });
        vm.load();
    }

    private static TextField timeField(String id, Instant t) {
        TextField f = new TextField(Times.text(t));
        f.setId(id);
        f.setPrefColumnCount(12);
        return f;
    }
}
