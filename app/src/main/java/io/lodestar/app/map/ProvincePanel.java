package io.lodestar.app.map;

import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import io.lodestar.engine.api.client.Distribution;
import io.lodestar.engine.api.client.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The clicked province's side panel: its name, then per ISP the path through the strategy tree the
 * node traced (each node indented by depth, with its state and share) and the answers it ends in;
 * ISPs that take the same path share one block headed by their names ("All ISPs" if all do).
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
        title.setWrapText(true);
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
        // ISPs whose users take the same path are shown once, under their names together
        Map<Shown, List<String>> groups = new LinkedHashMap<>();
        for (IspPath p : vm.path()) {
            groups.computeIfAbsent(new Shown(p.rows(), p.simulation()), k -> new ArrayList<>()).add(p.isp());
        }
        boolean all = groups.size() == 1 && vm.path().size() > 1;
        for (Map.Entry<Shown, List<String>> g : groups.entrySet()) {
            Label isp = wrapped(all ? text.ispName(MapLayout.ALL)
                    : String.join(", ", g.getValue().stream().map(text::ispName).toList()));
            isp.getStyleClass().add("ls-map-path-isp");
            lines.getChildren().add(isp);
            for (IspPath.Row r : g.getKey().rows()) {
                lines.getChildren().add(row(r));
            }
            Label answers = wrapped(m.get("map.pathAnswers", text.answers(g.getKey().answers())));
            if (g.getKey().failOpen()) {
                answers.setText(answers.getText() + " " + m.get("map.failOpen"));
            }
            answers.getStyleClass().add("ls-map-path-answers");
            lines.getChildren().add(answers);
        }
    }

    /** What a path block shows: ISPs with equal ones share a block. */
    private record Shown(List<IspPath.Row> rows, List<Distribution.Share> answers, boolean failOpen) {
        Shown(List<IspPath.Row> rows, Simulation s) {
            this(rows, s.answers(), s.failOpen());
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
