package io.lodestar.app.map;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Polling;
import io.lodestar.app.ui.Styles;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The schedule map (seed: 调度结果): the domain's current answers coloured per province, an ISP
 * choice, the legend, a hover box per province, a side panel for the clicked province (its path through the strategy tree) and the
 * abroad regions, endpoint markers and traffic lines. Re-reads the node every {@link #REFRESH} while shown.
 */
public final class ScheduleMapView extends BorderPane {

    /** How often the shown map re-reads the node. */
    public static final Duration REFRESH = Duration.seconds(2);

    private final Timeline poll;

    public ScheduleMapView(Session session, ScheduleMapViewModel vm) {
        Messages m = session.messages();
        getStyleClass().add(Styles.SCREEN);
        getStylesheets().add(MapWidgets.styleSheet());
        setPadding(new Insets(12, 16, 12, 16));

        Label title = new Label(m.get("map.title"));
        title.getStyleClass().add(Styles.TITLE);
        ComboBox<String> domain = new ComboBox<>(session.domains());
        domain.setId("mapDomain");
        domain.valueProperty().bindBidirectional(session.domainProperty());
        CheckBox lines = new CheckBox(m.get("map.lines"));
        lines.setId("mapLines");
        Label error = new Label();
        error.setId("mapError");
        error.getStyleClass().add(Styles.ERROR);
        error.textProperty().bind(vm.errorProperty());
        Label exportError = new Label();
        exportError.getStyleClass().add(Styles.ERROR);
        for (Label l : new Label[] {error, exportError}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
        }

        ChinaMap map = new ChinaMap(vm.choice().layout());
        map.setTooltipText(vm::tooltip);
        map.setOnPick(a -> vm.selectedProperty().set(a));
        lines.selectedProperty().addListener((o, a, on) -> map.setLinesVisible(on));
        Runnable paint = () -> {
            map.setEndpoints(vm.endpointsProperty().get());
            map.paint(vm.frameProperty().get(), vm.choice().ispChoice(), vm.choice().palette(), null);
        };
        vm.frameProperty().addListener((o, a, f) -> paint.run());
        vm.choice().ispProperty().addListener((o, a, f) -> paint.run());
        vm.selectedProperty().addListener((o, a, s) -> map.select(s));

        Button png = new Button(m.get("map.exportPng"));
        png.setId("mapExportPng");
        png.setOnAction(e -> MapWidgets.exportPng(map, m, exportError::setText));
        Button csv = new Button(m.get("map.exportCsv"));
        csv.setId("mapExportCsv");
        csv.setOnAction(e -> MapWidgets.exportCsv(this, vm.csv(), m, exportError::setText));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(10, title, new Label(m.get("common.domain")), domain, lines, grow, png, csv);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox isps = MapWidgets.ispSelector(vm.choice().layout(), vm.choice().text(), vm.choice().ispProperty());
        setTop(new VBox(6, top, isps, error, exportError));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 8, 0));

        setCenter(map);
        setRight(side(vm, m));
        poll = Polling.whileShown(this, REFRESH, vm::refresh);
        vm.refresh();
    }

    private static ScrollPane side(ScheduleMapViewModel vm, Messages m) {
        TitledPane legend = new TitledPane(m.get("map.legend"), MapWidgets.legend(vm.legend(), m));
        TitledPane province = new TitledPane(m.get("map.province"), new ProvincePanel(vm, m));
        TitledPane abroad = new TitledPane(m.get("map.abroad"), MapWidgets.abroadTree(vm.abroad()));
        for (TitledPane t : new TitledPane[] {legend, province, abroad}) {
            t.setCollapsible(false);
        }
        VBox box = new VBox(8, legend, province, abroad);
        box.setPadding(new Insets(0, 0, 0, 10));
        box.setPrefWidth(360);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(380);
        return scroll;
    }
}
