package io.lodestar.app.shell;

import io.lodestar.app.access.AccessView;
import io.lodestar.app.access.AccessViewModel;
import io.lodestar.app.audit.AuditView;
import io.lodestar.app.audit.AuditViewModel;
import io.lodestar.app.contacts.ContactsView;
import io.lodestar.app.contacts.ContactsViewModel;
import io.lodestar.app.contacts.NotificationsViewModel;
import io.lodestar.app.domains.DomainsView;
import io.lodestar.app.domains.DomainsViewModel;
import io.lodestar.app.endpoints.EndpointsView;
import io.lodestar.app.endpoints.EndpointsViewModel;
import io.lodestar.app.history.HistoryView;
import io.lodestar.app.history.HistoryViewModel;
import io.lodestar.app.map.MapLayout;
import io.lodestar.app.map.ScheduleMapView;
import io.lodestar.app.map.ScheduleMapViewModel;
import io.lodestar.app.monitors.MonitorsView;
import io.lodestar.app.monitors.MonitorsViewModel;
import io.lodestar.app.nodes.LocalNodeControl;
import io.lodestar.app.nodes.NodesView;
import io.lodestar.app.nodes.NodesViewModel;
import io.lodestar.app.nodes.RemoteNodes;
import io.lodestar.app.strategy.StrategyView;
import io.lodestar.app.strategy.StrategyViewModel;
import io.lodestar.app.traffic.ProvidersViewModel;
import io.lodestar.app.traffic.TrafficView;
import io.lodestar.app.traffic.TrafficViewModel;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import io.lodestar.engine.api.client.NodeClient;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The console's window content: navigation on the left, the chosen screen in the middle (built on
 * first visit and kept), a read-only banner when the token cannot write, the status bar below.
 */
public final class MainWindow extends BorderPane {

    private final Session session;
    private final NodeClient home;
    private final ShellViewModel vm;
    private final Optional<LocalNodeControl> local;
    private final RemoteNodes remotes;
    private final Map<Screen, Built> built = new EnumMap<>(Screen.class);
    private StrategyViewModel strategy;
    private final Timeline poll;
    private final ChangeListener<NodeClient> clientSwitch;

    /** A screen's view and what stops its view model (listeners on the session, polling). */
    private record Built(Node view, Runnable dispose) {
    }
    private MapLayout mapLayout;

    /** A window without a local node to control, and a remote-node list kept in memory. */
    public MainWindow(Session session, ShellViewModel vm, NodeClient home, Runnable toggleTheme, Consumer<Locale> language) {
        this(session, vm, home, Optional.empty(), RemoteNodes.inMemory(), toggleTheme, language);
    }

    /**
     * @param home    the client of the console's own node (Access and Nodes switch back to it)
     * @param local   the console's own node, for the Nodes screen's stop/start and log
     * @param remotes where the console keeps its list of remote nodes
     */
    public MainWindow(Session session, ShellViewModel vm, NodeClient home, Optional<LocalNodeControl> local, RemoteNodes remotes,
                      Runnable toggleTheme, Consumer<Locale> language) {
        this.session = session;
        this.local = local;
        this.remotes = remotes;
        this.home = home;
        this.vm = vm;
        Messages m = session.messages();

        ListView<Screen> nav = new ListView<>();
        nav.setId("nav");
        nav.getStyleClass().add(Styles.NAV);
        nav.getItems().setAll(Screen.values());
        nav.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Screen s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : m.get(s.key()));
                setId(empty || s == null ? null : "nav-" + s.name().toLowerCase(Locale.ROOT));
            }
        });
        nav.setPrefWidth(170);
        nav.getSelectionModel().select(vm.screenProperty().get());
        nav.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.screenProperty().set(s);
            }
        });
        vm.screenProperty().addListener((o, a, s) -> {
            nav.getSelectionModel().select(s);
            show(s);
        });

        Label title = new Label(m.get("app.title"));
        title.getStyleClass().add(Styles.TITLE);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(session.tasks().runningProperty().greaterThan(0));
        Button theme = new Button(m.get("shell.theme"));
        theme.setId("toggleTheme");
        theme.setOnAction(e -> toggleTheme.run());
        ChoiceBox<Locale> lang = new ChoiceBox<>();
        lang.setId("language");
        lang.getItems().setAll(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
        lang.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : l.getLanguage().equals("zh") ? "中文" : "English";
            }

            @Override
            public Locale fromString(String s) {
                return s.equals("中文") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
            }
        });
        lang.setValue(m.locale().getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
        lang.valueProperty().addListener((o, a, l) -> language.accept(l));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(10, title, grow, busy, theme, lang);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 10, 6, 10));
        top.getStyleClass().add("ls-top-bar");

        Label banner = new Label();
        banner.setId("readOnlyBanner");
        banner.getStyleClass().add(Styles.BANNER);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.textProperty().bind(session.readOnlyReasonProperty());
        banner.visibleProperty().bind(session.readOnlyReasonProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());

        setTop(new VBox(top, banner));
        setLeft(nav);
        setBottom(new StatusBar(vm));
        show(vm.screenProperty().get());
        poll = new Timeline(new KeyFrame(Duration.seconds(3), e -> vm.refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        vm.refresh();
        clientSwitch = (o, a, c) -> {
            dropScreens();
            show(vm.screenProperty().get());
            vm.refresh();
        };
        session.clientProperty().addListener(clientSwitch);
    }

    private void show(Screen s) {
        setCenter(built.computeIfAbsent(s, this::build).view());
    }

    private Built build(Screen s) {
        switch (s) {
            case DOMAINS:
                return new Built(new DomainsView(session, new DomainsViewModel(session)), () -> { });
            case ENDPOINTS: {
                EndpointsViewModel v = new EndpointsViewModel(session);
                EndpointsView view = new EndpointsView(session, v);
                return new Built(view, () -> {
                    view.dispose();
                    v.dispose();
                });
            }
            case MONITORS: {
                MonitorsViewModel v = new MonitorsViewModel(session);
                return new Built(new MonitorsView(session, v), v::dispose);
            }
            case STRATEGY: {
                StrategyViewModel v = new StrategyViewModel(session);
                strategy = v;
                return new Built(new StrategyView(session, v), v::dispose);
            }
            case TRAFFIC: {
                TrafficViewModel v = new TrafficViewModel(session);
                ProvidersViewModel p = new ProvidersViewModel(session);
                TrafficView view = new TrafficView(session, v, p);
                return new Built(view, () -> {
                    view.dispose();
                    v.dispose();
                    p.dispose();
                });
            }
            case CONTACTS: {
                NotificationsViewModel n = new NotificationsViewModel(session);
                return new Built(new ContactsView(session, new ContactsViewModel(session), n), n::dispose);
            }
            case ACCESS: {
                AccessViewModel v = new AccessViewModel(session, home);
                return new Built(new AccessView(session, v), v::dispose);
            }
            case SCHEDULE_MAP: {
                ScheduleMapViewModel v = new ScheduleMapViewModel(session, mapLayout());
                return new Built(new ScheduleMapView(session, v), v::dispose);
            }
            case HISTORY: {
                HistoryViewModel v = new HistoryViewModel(session, mapLayout(), java.time.Instant::now);
                return new Built(new HistoryView(session, v), v::dispose);
            }
            case NODES: {
                NodesViewModel v = new NodesViewModel(session, home, local, remotes);
                NodesView view = new NodesView(session, v);
                return new Built(view, () -> {
                    view.dispose();
                    v.dispose();
                });
            }
            case AUDIT:
                return new Built(new AuditView(session, new AuditViewModel(session, java.time.ZoneId.systemDefault())), () -> { });
            default:
                throw new IllegalArgumentException("no view for " + s);
        }
    }

    /**
     * Shows the Strategy screen with {@code json} (a strategy file the desktop handed over) as the
     * chosen domain's draft; nothing is published until the user does.
     */
    public void openStrategy(String json) {
        vm.screenProperty().set(Screen.STRATEGY);
        show(Screen.STRATEGY);
        strategy.openFile(json);
    }

    /** The map's axes and outlines, loaded when a map screen first opens. */
    private MapLayout mapLayout() {
        if (mapLayout == null) {
            mapLayout = new MapLayout(session.regions(), io.lodestar.resources.region.ProvinceShapes.load());
        }
        return mapLayout;
    }

    /** Disposes every built screen's view model; the next visit builds the screen afresh. */
    private void dropScreens() {
        built.values().forEach(b -> b.dispose().run());
        built.clear();
    }

    /** The session this window shows (its client and current domain carry over a language switch). */
    public Session session() {
        return session;
    }

    /** The screen shown now. */
    public Screen screen() {
        return vm.screenProperty().get();
    }

    /**
     * This window in other words: a new window on the same node, token, domain, screen, own node and
     * remote-node list; this one is disposed. The language switch shows the answer.
     */
    public MainWindow inLanguage(Messages other, Runnable toggleTheme, Consumer<Locale> language) {
        Session s = session.inLanguage(other);
        ShellViewModel shell = new ShellViewModel(s);
        shell.screenProperty().set(screen());
        dispose();
        return new MainWindow(s, shell, home, local, remotes, toggleTheme, language);
    }

    /** Stops polling and every screen's view model, and lets go of the session (closing or being rebuilt). */
    public void dispose() {
        poll.stop();
        session.clientProperty().removeListener(clientSwitch);
        dropScreens();
    }
}
