package io.lodestar.app.map;

import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The clicked province's side panel: its name, then per ISP the path through the strategy tree the
 * node traced (each node indented by depth, with its state and share) and the answers it ends in.
 * Until the path is read, each ISP's answers from the map.
 */
final class ProvincePanel extends VBox {

    private static final double INDENT = 14;

    private final ScheduleMapViewModel vm;
    private final Messages m;
    private final Label title = new Label();
    private final VBox lines = new VBox(3);

    ProvincePanel(ScheduleMapViewModel vm, Messages m) {
        super(6);
        this.vm = vm;
        this.m = m;
        title.setId("provinceTitle");
        title.getStyleClass().add("ls-map-detail-title");
        lines.setId("provinceDetail");
        getChildren().addAll(title, lines);
        vm.selectedProperty().addListener((o, a, s) -> fill());
        vm.frameProperty().addListener((o, a, f) -> fill());
        vm.path().addListener((ListChangeListener<IspPath>) c -> fill());
        fill();
    }

    private void fill() {
        String a = vm.selectedProperty().get();
        lines.getChildren().clear();
        if (a.isEmpty()) {
            title.setText(m.get("map.detailHint"));
            return;
        }
        MapText text = vm.choice().text();
        title.setText(text.areaName(a));
        if (vm.path().isEmpty()) {
            vm.detail(a).forEach(l -> lines.getChildren().add(wrapped(l)));
            return;
        }
        for (IspPath p : vm.path()) {
            Label isp = new Label(text.ispName(p.isp()));
            isp.getStyleClass().add("ls-map-path-isp");
            lines.getChildren().add(isp);
            for (IspPath.Row r : p.rows()) {
                lines.getChildren().add(row(r));
            }
            Label answers = wrapped(m.get("map.pathAnswers", text.answers(p.simulation().answers())));
            if (p.simulation().failOpen()) {
                answers.setText(answers.getText() + " " + m.get("map.failOpen"));
            }
            answers.getStyleClass().add("ls-map-path-answers");
            lines.getChildren().add(answers);
        }
    }

    private HBox row(IspPath.Row r) {
        String state = r.step().state();
        Label name = new Label(r.label());
        Label st = new Label(m.get(switch (state) {
            case "alive" -> "map.state.alive";
            case "dead" -> "map.state.dead";
            case "absent" -> "map.state.absent";
            default -> "map.state.skipped";
        }));
        st.getStyleClass().add("ls-map-state-" + state);
        Label share = new Label(MapText.percent(r.step().share()));
        share.getStyleClass().add(Styles.HINT);
        HBox line = new HBox(6, name, st, share);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(0, 0, 0, INDENT * (r.depth() + 1)));
        line.getStyleClass().add("ls-map-path-step");
        return line;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
