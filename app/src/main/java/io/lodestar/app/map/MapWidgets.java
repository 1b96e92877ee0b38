package io.lodestar.app.map;

import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/** Pieces the schedule map and the history screen share: ISP choice, legend, abroad panel, exports. */
public final class MapWidgets {

    private MapWidgets() {
    }

    /** The map's own style sheet (structure; colours are the theme's {@code -ls-map-…} variables). */
    public static String styleSheet() {
        return MapWidgets.class.getResource("/io/lodestar/app/theme/map.css").toExternalForm();
    }

    /** Toggle buttons {@code #isp-all}, {@code #isp-ct} …, bound both ways to {@code isp}. */
    public static HBox ispSelector(MapLayout layout, MapText text, StringProperty isp) {
        ToggleGroup g = new ToggleGroup();
        HBox box = new HBox(0);
        box.getStyleClass().add("ls-map-isps");
        for (String code : layout.ispChoices()) {
            ToggleButton b = new ToggleButton(text.ispName(code));
            b.setId("isp-" + code);
            b.setToggleGroup(g);
            b.setUserData(code);
            b.setSelected(code.equals(isp.get()));
            box.getChildren().add(b);
        }
        g.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true); // one is always chosen
            } else {
                isp.set((String) t.getUserData());
            }
        });
        isp.addListener((o, a, v) -> g.getToggles().forEach(t -> t.setSelected(v.equals(t.getUserData()))));
        return box;
    }

    /** The legend ({@code #mapLegend}): swatch, endpoint, health, share and provinces won, one row each. */
    public static VBox legend(ObservableList<LegendRow> rows, Messages m) {
        VBox box = new VBox(4);
        box.setId("mapLegend");
        Runnable fill = () -> {
            box.getChildren().clear();
            for (LegendRow r : rows) {
                Rectangle swatch = new Rectangle(14, 14);
                swatch.getStyleClass().addAll("ls-map-swatch", r.styleClass());
                Label name = new Label(r.endpoint());
                name.setMinWidth(90);
                Label health = new Label(m.get("ok".equals(r.status()) ? "map.health.ok"
                        : "fail".equals(r.status()) ? "map.health.fail" : "map.health.unknown"));
                health.getStyleClass().add(Styles.health(r.status()).replace("ls-health", "ls-map-health"));
                health.setMinWidth(50);
                Label share = new Label(m.get("map.legendShare", MapText.percent(r.share()), r.provinces()));
                share.getStyleClass().add(Styles.HINT);
                HBox line = new HBox(6, swatch, name, health, share);
                line.setAlignment(Pos.CENTER_LEFT);
                line.setId("legend-" + r.endpoint());
                box.getChildren().add(line);
            }
            if (rows.isEmpty()) {
                Label none = new Label(m.get("map.noEndpoints"));
                none.getStyleClass().add(Styles.HINT);
                box.getChildren().add(none);
            }
        };
        rows.addListener((ListChangeListener<LegendRow>) c -> fill.run());
        fill.run();
        return box;
    }

    /** Continents with their countries and answers ({@code #abroadTree}). */
    public static TreeView<String> abroadTree(ObservableList<AbroadRow> rows) {
        TreeItem<String> root = new TreeItem<>("");
        TreeView<String> tree = new TreeView<>(root);
        tree.setId("abroadTree");
        tree.setShowRoot(false);
        tree.setPrefHeight(200);
        Runnable fill = () -> {
            List<TreeItem<String>> items = new java.util.ArrayList<>();
            for (AbroadRow r : rows) {
                TreeItem<String> item = new TreeItem<>(r.name() + ": " + r.answers());
                r.children().forEach(c -> item.getChildren().add(new TreeItem<>(c.name() + ": " + c.answers())));
                items.add(item);
            }
            for (int i = 0; i < Math.min(items.size(), root.getChildren().size()); i++) {
                items.get(i).setExpanded(root.getChildren().get(i).isExpanded()); // keep what the user opened
            }
            root.getChildren().setAll(items);
        };
        rows.addListener((ListChangeListener<AbroadRow>) c -> fill.run());
        fill.run();
        return tree;
    }

    /** Writes a snapshot of {@code node} as PNG. */
    public static void writePng(Node node, Path file) throws IOException {
        WritableImage img = node.snapshot(null, null);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
    }

    /** Asks where to save, then saves; {@code error} gets the reason when writing fails. */
    public static void exportPng(Node node, Messages m, Consumer<String> error) {
        File f = choose(node, m, "schedule-map.png", "*.png");
        if (f != null) {
            try {
                writePng(node, f.toPath());
            } catch (IOException e) {
                error.accept(m.get("map.exportFailed", f, e.getMessage()));
            }
        }
    }

    public static void exportCsv(Node owner, String csv, Messages m, Consumer<String> error) {
        File f = choose(owner, m, "schedule-result.csv", "*.csv");
        if (f != null) {
            try {
                Files.writeString(f.toPath(), csv, StandardCharsets.UTF_8);
            } catch (IOException e) {
                error.accept(m.get("map.exportFailed", f, e.getMessage()));
            }
        }
    }

    private static File choose(Node owner, Messages m, String name, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setTitle(m.get("map.exportTitle"));
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        return fc.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
    }
}
