package io.lodestar.app.strategy;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.strategy.RuleType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The strategy editor screen: toolbar, palette (rule types, resource node, the domain's endpoints),
 * the tree canvas, and on the right the properties sheet, the simulation and publish/versions.
 */
public final class StrategyView extends BorderPane {

    private final StrategyViewModel vm;
    private final Session session;
    private final Messages m;
    private final TreeCanvas canvas;
    private final VBox palette = new VBox(4);
    private final Timeline poll;
    private List<String> paletteKeys;

    public StrategyView(Session session, StrategyViewModel vm) {
        this.vm = vm;
        this.session = session;
        this.m = session.messages();
        getStyleClass().addAll(Styles.SCREEN, "ls-strategy");
        getStylesheets().add(StrategyView.class.getResource("/io/lodestar/app/strategy/editor.css").toExternalForm());
        canvas = new TreeCanvas(vm, m);

        Label title = new Label(m.get("editor.title"));
        title.getStyleClass().add(Styles.TITLE);
        ComboBox<String> domain = new ComboBox<>(session.domains());
        domain.setId("strategyDomain");
        domain.valueProperty().bindBidirectional(session.domainProperty());
        Button undo = button("undo", "editor.undo", vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button redo = button("redo", "editor.redo", vm::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        Button recommend = button("recommend", "editor.recommend", vm::recommend);
        Button open = button("importJson", "editor.import", this::importFile);
        Button save = button("exportJson", "editor.export", this::exportFile);
        Button reload = button("reloadStrategy", "editor.reload", vm::load);
        Button publish = button("publish", "editor.publish", vm::preparePublish);
        // a read-only token, or a tree compiled from providers/pools: nothing here may change it
        javafx.beans.binding.BooleanBinding locked = session.readOnlyProperty().or(vm.compiledProperty());
        publish.disableProperty().bind(locked);
        recommend.disableProperty().bind(vm.compiledProperty());
        open.disableProperty().bind(vm.compiledProperty());
        HBox top = new HBox(8, title, new Label(m.get("common.domain")), domain, undo, redo, recommend, open, save, reload, publish);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 12, 6, 12));

        palette.setId("palette");
        palette.setPadding(new Insets(8));
        palette.setPrefWidth(190);
        palette.getStyleClass().add("ls-palette");
        vm.endpoints().addListener((ListChangeListener<EndpointInfo>) c -> fillPalette());
        fillPalette();

        ScrollPane scroll = new ScrollPane(canvas);
        scroll.setId("canvasScroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setPannable(false);

        TabPane side = new TabPane();
        side.setId("editorSide");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab props = new Tab(m.get("editor.tab.properties"),
                fit(new PropertiesSheet(vm, m, session.regions(), locked)));
        Tab sim = new Tab(m.get("editor.tab.simulate"), fit(new SimulationPanel(vm, m, session.regions())));
        Tab pub = new Tab(m.get("editor.tab.publish"), fit(new PublishPanel(vm, m, locked)));
        side.getTabs().addAll(props, sim, pub);
        side.setPrefWidth(330);
        vm.diffProperty().addListener((o, a, d) -> {
            if (d.isPresent()) {
                side.getSelectionModel().select(pub);
            }
        });

        Label message = new Label();
        message.setId("editorMessage");
        message.getStyleClass().add(Styles.HINT);
        message.textProperty().bind(vm.messageProperty());
        message.setPadding(new Insets(4, 12, 6, 12));

        Label pools = new Label();
        pools.setId("editorPools");
        pools.getStyleClass().add(Styles.BANNER);
        pools.setMaxWidth(Double.MAX_VALUE);
        pools.setWrapText(true);
        pools.textProperty().bind(vm.compiledNoticeProperty());
        pools.visibleProperty().bind(vm.compiledNoticeProperty().isNotEmpty());
        pools.managedProperty().bind(pools.visibleProperty());
        setTop(new javafx.scene.layout.VBox(top, pools));
        setLeft(new ScrollPane(palette));
        setCenter(scroll);
        setRight(side);
        Label shares = new Label();
        shares.setId("editorShares");
        shares.getStyleClass().add(Styles.HINT);
        shares.textProperty().bind(javafx.beans.binding.Bindings.when(vm.sharesFromQueriesProperty())
                .then(m.get("editor.shares.queries")).otherwise(m.get("editor.shares.schedule")));
        shares.setPadding(new Insets(4, 12, 6, 12));
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        setBottom(new javafx.scene.layout.HBox(message, gap, shares));
        canvas.disableProperty().bind(session.readOnlyProperty());
        poll = new Timeline(new KeyFrame(Duration.seconds(4), e -> vm.refreshLive()));
        poll.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                poll.stop();
            } else {
                poll.play();
            }
        });
        vm.load();
    }

    /** The canvas (tests and the screen tour find node boxes through it). */
    public TreeCanvas canvas() {
        return canvas;
    }

    private static ScrollPane fit(javafx.scene.Node content) {
        ScrollPane p = new ScrollPane(content);
        p.setFitToWidth(true);
        return p;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(m.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void fillPalette() {
        List<String> keys = vm.endpoints().stream().map(EndpointInfo::endpoint).toList();
        if (keys.equals(paletteKeys)) {
            return; // a status refresh: keep the buttons (one may be mid-drag)
        }
        paletteKeys = keys;
        palette.getChildren().clear();
        palette.getChildren().add(header("editor.palette.rules"));
        for (RuleType t : RuleType.values()) {
            paletteItem("palette-" + t.wire(), m.get("editor.rule." + t.wire()), new DropSource.NewRule(t));
        }
        paletteItem("palette-resource", m.get("editor.palette.resource"), new DropSource.NewRule(RuleType.WRR));
        palette.getChildren().add(header("editor.palette.endpoints"));
        for (EndpointInfo e : vm.endpoints()) {
            paletteItem("palette-ep-" + e.endpoint().replaceAll("[^A-Za-z0-9]", "_"), e.endpoint(),
                    new DropSource.NewEndpoint(e.endpoint()));
        }
    }

    private Label header(String key) {
        Label l = new Label(m.get(key));
        l.getStyleClass().add(Styles.HINT);
        return l;
    }

    /** A palette entry: drag it onto the canvas, or press it (Enter/Space) to add under the selected rule. */
    private void paletteItem(String id, String text, DropSource source) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("ls-palette-item");
        b.setMaxWidth(Double.MAX_VALUE);
        b.disableProperty().bind(session.readOnlyProperty().or(vm.compiledProperty()));
        b.setOnAction(e -> {
            Draft d = vm.draftProperty().get();
            String target = d.isEmpty() ? "" : vm.selectedProperty().get();
            if (!d.isEmpty() && target.isEmpty()) {
                vm.messageProperty().set(m.get("editor.selectFirst"));
                return;
            }
            vm.edit(new Edit.Drop(source, target));
        });
        canvas.dragSource(b, () -> source);
        palette.getChildren().add(b);
    }

    private FileChooser chooser() {
        FileChooser f = new FileChooser();
        f.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        f.setInitialFileName(session.domainProperty().get() + ".strategy.json");
        return f;
    }

    private void importFile() {
        java.io.File file = chooser().showOpenDialog(getScene().getWindow());
        if (file != null) {
            try {
                vm.importJson(Files.readString(file.toPath(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                vm.messageProperty().set(m.get("editor.fileFailed", e.getMessage()));
            }
        }
    }

    private void exportFile() {
        vm.draftJson().ifPresent(json -> {
            java.io.File file = chooser().showSaveDialog(getScene().getWindow());
            if (file != null) {
                try {
                    Files.writeString(file.toPath(), json, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    vm.messageProperty().set(m.get("editor.fileFailed", e.getMessage()));
                }
            }
        });
    }
}
