package io.lodestar.app.traffic;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Polling;
import io.lodestar.app.ui.Styles;
import java.util.function.Function;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Traffic operations of one domain as titled sections: switching, multi-CDN providers, pools, gray migration, drill, failover time. */
public final class TrafficView extends VBox {

    private final Timeline poll;

    public TrafficView(Session session, TrafficViewModel vm, ProvidersViewModel providers) {
        Messages m = session.messages();
        getStyleClass().add(Styles.SCREEN);
        setSpacing(10);
        setPadding(new Insets(16));
        Label title = new Label(m.get("traffic.title"));
        title.getStyleClass().add(Styles.TITLE);
        ComboBox<String> domain = new ComboBox<>(session.domains());
        domain.setId("trafficDomain");
        domain.valueProperty().bindBidirectional(session.domainProperty());
        HBox top = new HBox(8, new Label(m.get("common.domain")), domain);
        top.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("trafficError");
        error.getStyleClass().add(Styles.ERROR);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        shownWhenText(error);

        TitledPane cdn = section(m.get("providers.title"), new ProvidersPane(session, providers));
        cdn.setId("providersSection");
        VBox sections = new VBox(10, switching(session, vm, m), cdn, policy(session, vm, m), ramp(session, vm, m),
                drill(session, vm, m), failover(vm, m));
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setId("trafficScroll");
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(title, top, error, scroll);
        vm.load();
        providers.load();
        poll = Polling.whileShown(this, Duration.seconds(3), () -> {
            vm.load();
            providers.load();
        });
    }

    private static Node switching(Session session, TrafficViewModel vm, Messages m) {
        Label state = new Label();
        state.setId("switchingState");
        state.setWrapText(true);
        state.setMaxWidth(Double.MAX_VALUE);
        state.textProperty().bind(vm.switchingProperty());
        state.getStyleClass().add(Styles.HINT);
        Label banner = new Label();
        banner.setId("switchingPausedBanner");
        banner.getStyleClass().add(Styles.BANNER);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.textProperty().bind(vm.switchingProperty());
        banner.visibleProperty().bind(vm.pausedProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        state.visibleProperty().bind(vm.pausedProperty().not());
        state.managedProperty().bind(state.visibleProperty());
        Button toggle = new Button();
        toggle.setId("toggleSwitching");
        toggle.textProperty().bind(Bindings.when(vm.pausedProperty())
                .then(m.get("traffic.switching.resume")).otherwise(m.get("traffic.switching.pause")));
        toggle.disableProperty().bind(session.readOnlyProperty());
        toggle.setOnAction(e -> vm.toggleSwitching());
        HBox row = new HBox(10, toggle, hint(m.get("traffic.switching.hint")));
        row.setAlignment(Pos.CENTER_LEFT);
        return section(m.get("traffic.switching.title"), new VBox(6, banner, state, row));
    }

    private static Node ramp(Session session, TrafficViewModel vm, Messages m) {
        Label summary = text(vm.rampSummaryProperty(), "rampSummary");
        Label step = text(vm.rampStepProperty(), "rampStep");
        Label status = text(vm.rampStatusProperty(), "rampStatus");
        status.getStyleClass().add(Styles.SUBTITLE);
        ProgressBar share = new ProgressBar();
        share.setId("rampShare");
        share.setPrefWidth(260);
        share.progressProperty().bind(vm.rampShareProperty());
        HBox state = new HBox(10, status, share, step);
        state.setAlignment(Pos.CENTER_LEFT);
        state.visibleProperty().bind(vm.hasRampProperty());
        state.managedProperty().bind(state.visibleProperty());

        Button pause = new Button(m.get("traffic.ramp.pause"));
        pause.setId("pauseRamp");
        pause.disableProperty().bind(session.readOnlyProperty().or(vm.rampPausableProperty().not()));
        pause.setOnAction(e -> vm.pauseRamp());
        Button resume = new Button(m.get("traffic.ramp.resume"));
        resume.setId("resumeRamp");
        resume.disableProperty().bind(session.readOnlyProperty().or(vm.rampResumableProperty().not()));
        resume.setOnAction(e -> vm.resumeRamp());
        HBox buttons = new HBox(8, pause, resume);
        buttons.visibleProperty().bind(vm.hasRampProperty());
        buttons.managedProperty().bind(buttons.visibleProperty());

        TableView<TrafficViewModel.TimelineLine> timeline = new TableView<>(vm.timeline());
        timeline.setId("rampTimeline");
        timeline.setPlaceholder(new Label(m.get("traffic.ramp.noTimeline")));
        timeline.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        timeline.getColumns().add(column(m.get("traffic.ramp.col.at"), TrafficViewModel.TimelineLine::at, 190));
        timeline.getColumns().add(column(m.get("traffic.ramp.col.event"), TrafficViewModel.TimelineLine::event, 100));
        timeline.getColumns().add(TrafficView.<TrafficViewModel.TimelineLine>column(m.get("traffic.ramp.col.percent"),
                l -> l.percent() + " %", 70));
        timeline.getColumns().add(column(m.get("traffic.ramp.col.detail"), TrafficViewModel.TimelineLine::detail, 260));
        timeline.setPrefHeight(112);
        timeline.visibleProperty().bind(vm.hasRampProperty());
        timeline.managedProperty().bind(timeline.visibleProperty());
        return section(m.get("traffic.ramp.title"), new VBox(6, summary, state, buttons, timeline, startRamp(session, vm, m)));
    }

    /** Start a gray migration: from, to, user groups, steps, hold time. */
    private static Node startRamp(Session session, TrafficViewModel vm, Messages m) {
        TextField from = field("rampFrom", m.get("traffic.ramp.start.from"), 120);
        TextField to = field("rampTo", m.get("traffic.ramp.start.to"), 120);
        TextField groups = field("rampGroups", m.get("traffic.ramp.start.groups"), 150);
        TextField steps = field("rampSteps", m.get("traffic.ramp.start.steps"), 110);
        steps.setText("1, 5, 25, 100");
        TextField hold = field("rampHold", m.get("traffic.ramp.start.hold"), 80);
        hold.setText("600");
        Button start = new Button(m.get("traffic.ramp.start"));
        start.setId("startRamp");
        start.disableProperty().bind(session.readOnlyProperty().or(from.textProperty().isEmpty())
                .or(to.textProperty().isEmpty()));
        start.setOnAction(e -> vm.startRamp(from.getText(), to.getText(), groups.getText(), steps.getText(), hold.getText()));
        HBox row = new HBox(6, from, to, groups, steps, hold, start);
        row.setAlignment(Pos.CENTER_LEFT);
        Label problem = text(vm.rampErrorProperty(), "rampError");
        problem.getStyleClass().add(Styles.ERROR);
        return new VBox(4, hint(m.get("traffic.ramp.start.hint")), row, problem);
    }

    private static TextField field(String id, String prompt, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        return f;
    }

    /** The domain's traffic document (IGTM pools in tiers, all-down policy, TTL while down) as JSON. */
    private static Node policy(Session session, TrafficViewModel vm, Messages m) {
        TextArea doc = new TextArea();
        doc.setId("trafficPolicy");
        doc.setPrefRowCount(7);
        doc.setStyle("-fx-font-family: monospace;");
        doc.textProperty().bindBidirectional(vm.policyProperty());
        doc.editableProperty().bind(session.readOnlyProperty().not());
        Button save = new Button(m.get("traffic.policy.save"));
        save.setId("savePolicy");
        save.disableProperty().bind(session.readOnlyProperty());
        save.setOnAction(e -> vm.savePolicy());
        Label problem = text(vm.policyErrorProperty(), "policyError");
        problem.getStyleClass().add(Styles.ERROR);
        HBox row = new HBox(8, save, problem);
        row.setAlignment(Pos.CENTER_LEFT);
        return section(m.get("traffic.policy.title"), new VBox(6, hint(m.get("traffic.policy.hint")), doc, row));
    }

    private static Node drill(Session session, TrafficViewModel vm, Messages m) {
        Label state = text(vm.drillStateProperty(), "drillState");
        ListView<String> targets = new ListView<>(vm.endpoints());
        targets.setId("drillEndpoints");
        targets.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        targets.setPrefHeight(84);
        targets.setPrefWidth(260);
        targets.setPlaceholder(new Label(m.get("traffic.drill.noEndpoints")));
        Button execute = new Button(m.get("traffic.drill.execute"));
        execute.setId("executeDrill");
        execute.disableProperty().bind(session.readOnlyProperty().or(vm.drillRunningProperty())
                .or(Bindings.isEmpty(targets.getSelectionModel().getSelectedItems())));
        execute.setOnAction(e -> vm.executeDrill(java.util.List.copyOf(targets.getSelectionModel().getSelectedItems())));
        Button rollback = new Button(m.get("traffic.drill.rollback"));
        rollback.setId("rollbackDrill");
        rollback.disableProperty().bind(session.readOnlyProperty().or(vm.drillRunningProperty().not()));
        rollback.setOnAction(e -> vm.rollbackDrill());
        VBox side = new VBox(6, hint(m.get("traffic.drill.hint")), new HBox(8, execute, rollback), state);
        HBox row = new HBox(12, targets, side);
        return section(m.get("traffic.drill.title"), row);
    }

    private static Node failover(TrafficViewModel vm, Messages m) {
        Label expected = text(vm.expectedProperty(), "failoverExpected");
        Label measured = text(vm.measuredProperty(), "failoverMeasured");
        return section(m.get("traffic.failover.title"), new VBox(6, expected, measured, hint(m.get("traffic.failover.rule"))));
    }

    private static TitledPane section(String title, Node content) {
        TitledPane p = new TitledPane(title, content);
        p.setCollapsible(false);
        return p;
    }

    /** A label bound to {@code v}, taking room only while it has text. */
    static Label text(ObservableValue<String> v, String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(v);
        shownWhenText(l);
        return l;
    }

    static Label hint(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.HINT);
        l.setWrapText(true);
        return l;
    }

    private static void shownWhenText(Label l) {
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
    }

    static <T> TableColumn<T, String> column(String title, Function<T, String> f, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Stops the poll (the shell dropped this screen). */
    public void dispose() {
        poll.stop();
    }
}
