package io.lodestar.app.strategy;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Subscriptions;
import io.lodestar.engine.api.client.Distribution;
import io.lodestar.engine.api.client.EffectiveStrategy;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import io.lodestar.engine.api.client.Simulation;
import io.lodestar.engine.api.client.StrategyDoc;
import io.lodestar.engine.api.client.StrategyVersion;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.validate.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The strategy editor of the session's domain: a draft with undo/redo, drops checked by the draft's
 * rules (refusals as localized reasons), live health and shares, simulation of the draft (what-if
 * failures), publish with a diff against the live strategy, versions with rollback, and the seed's
 * JSON in and out. Talks to the node only through {@link NodeClient}, off the UI thread.
 */
public final class StrategyViewModel {

    private final Session session;
    private final Messages m;
    private final SeedJson seedJson;
    private final DraftHistory history = new DraftHistory(Draft.EMPTY);
    private final ReadOnlyObjectWrapper<Draft> draft = new ReadOnlyObjectWrapper<>(Draft.EMPTY);
    private Draft live = Draft.EMPTY;
    private Distribution liveResult;
    private final StringProperty selected = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty canUndo = new SimpleBooleanProperty(false);
    private final BooleanProperty canRedo = new SimpleBooleanProperty(false);
    private final ObservableList<EndpointInfo> endpoints = FXCollections.observableArrayList();
    private final ObjectProperty<Map<String, Double>> endpointShares = new SimpleObjectProperty<>(Map.of());
    private final ObjectProperty<Map<String, Simulation.Step>> trace = new SimpleObjectProperty<>(Map.of());
    private final ObservableList<String> answers = FXCollections.observableArrayList();
    private final ObservableSet<String> failed = FXCollections.observableSet();
    private final ObservableList<StrategyVersion> versions = FXCollections.observableArrayList();
    private final ObjectProperty<Optional<DraftDiff>> diff = new SimpleObjectProperty<>(Optional.empty());

    private final Subscriptions subs = new Subscriptions();
    private final ReadOnlyBooleanWrapper sharesFromQueries = new ReadOnlyBooleanWrapper(false);
    private final javafx.beans.property.ReadOnlyStringWrapper compiledNotice = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper compiled = new ReadOnlyBooleanWrapper(false);
    private Map<String, Long> counts = Map.of();
    private String countsDomain = "";
    private boolean loading;
    private boolean loadedOnce;
    private String opened;

    public StrategyViewModel(Session session) {
        this.session = session;
        this.m = session.messages();
        this.seedJson = new SeedJson(session.regions());
        subs.listen(session.domainProperty(), (o, a, d) -> load());
    }

    private String domain() {
        String d = session.domainProperty().get();
        return d == null ? "" : d;
    }

    public ReadOnlyObjectProperty<Draft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    public StringProperty selectedProperty() {
        return selected;
    }

    /** The last refusal or outcome, in words. */
    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    public BooleanProperty canRedoProperty() {
        return canRedo;
    }

    /** The domain's endpoints with their status (the palette and health colours). */
    public ObservableList<EndpointInfo> endpoints() {
        return endpoints;
    }

    /** Each endpoint's share of the domain's answers now, averaged over the user groups (family A). */
    public ObjectProperty<Map<String, Double>> endpointSharesProperty() {
        return endpointShares;
    }

    /** The last simulation's steps by trace name (empty: no simulation shown). */
    public ObjectProperty<Map<String, Simulation.Step>> traceProperty() {
        return trace;
    }

    public ObservableList<String> answers() {
        return answers;
    }

    /** Endpoints the simulation counts as failed (what-if). */
    public ObservableSet<String> failed() {
        return failed;
    }

    public ObservableList<StrategyVersion> versions() {
        return versions;
    }

    /** The diff shown before publishing; empty until "Publish" is asked for. */
    public ObjectProperty<Optional<DraftDiff>> diffProperty() {
        return diff;
    }

    /** Reads the live strategy (it becomes the draft), endpoints, schedule result and versions. */
    public void load() {
        loading = true;
        String d = domain();
        trace.set(Map.of());
        answers.clear();
        diff.set(Optional.empty());
        if (d.isEmpty()) {
            live = Draft.EMPTY;
            history.reset(Draft.EMPTY);
            changed();
            loaded();
            return;
        }
        NodeClient c = session.client();
        session.tasks().run(() -> {
            EffectiveStrategy effective = c.effectiveStrategy(d);
            return new Loaded(liveDraft(effective.document()), c.endpoints(d), c.distribution(d), c.strategyVersions(d),
                    effective.source());
        }, l -> {
                    if (!d.equals(domain())) {
                        return;
                    }
                    compiled.set(!l.source().equals("strategy"));
                    compiledNotice.set(notice(l.source(), l.draft()));
                    live = l.draft();
                    history.reset(l.draft());
                    endpoints.setAll(l.endpoints());
                    live(l.result());
                    versions.setAll(l.versions());
                    selected.set("");
                    changed();
                    loaded();
                }, e -> {
                    loading = false;
                    failed(e);
                });
    }

    /** The live strategy as a draft; a domain with none yet starts from an empty canvas. */
    private Draft liveDraft(StrategyDoc doc) throws ValidationException {
        return doc.rules() == 0 ? Draft.EMPTY : Draft.of(seedJson.read(doc.json(), doc.domain()).strategy());
    }

    private void loaded() {
        loading = false;
        loadedOnce = true;
        if (opened != null) {
            String json = opened;
            opened = null;
            importJson(json);
        }
    }

    /**
     * A strategy file the desktop handed over (double-click on an exported {@code .lodestar} file):
     * it becomes the draft of the chosen domain, over the live strategy (undo returns to it), once
     * the live one has loaded; nothing is published.
     */
    public void openFile(String json) {
        if (loading || !loadedOnce) {
            opened = json;
        } else {
            importJson(json);
        }
    }

    private record Loaded(Draft draft, List<EndpointInfo> endpoints, Distribution result, List<StrategyVersion> versions,
                          String source) {
    }

    /** Why the tree is read-only: the domain is answered from its providers or pools (the Traffic screen). */
    private String notice(String source, Draft tree) {
        switch (source) {
            case "providers":
                return m.get("editor.providers");
            case "pools":
                List<String> names = tree.ruleNames().stream().filter(n -> n.startsWith("pool-")) // PoolCompiler's names
                        .map(n -> n.substring("pool-".length())).sorted().toList();
                return m.get("editor.pools", String.join(", ", names));
            default:
                return "";
        }
    }

    private record Live(List<EndpointInfo> endpoints, Distribution result, Map<String, Long> answers) {
    }

    /** Health and shares only; the draft is left alone. */
    public void refreshLive() {
        String d = domain();
        if (d.isEmpty()) {
            return;
        }
        NodeClient c = session.client();
        session.tasks().run(() -> new Live(c.endpoints(d), c.distribution(d), c.answerCounts(d)), l -> {
            if (d.equals(domain())) {
                endpoints.setAll(l.endpoints());
                live(l.result());
                queries(d, l.answers());
            }
        }, this::failed);
    }

    /**
     * Each endpoint's share of the answers the node really gave since the last refresh (its
     * {@code /metrics} counters); with no queries in between, the schedule result's shares stay.
     */
    private void queries(String d, Map<String, Long> now) {
        Map<String, Long> before = d.equals(countsDomain) ? counts : null;
        counts = now;
        countsDomain = d;
        if (before == null) {
            return;
        }
        Map<String, Long> delta = new HashMap<>();
        now.forEach((e, n) -> delta.put(e, n - before.getOrDefault(e, 0L)));
        long total = delta.values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            sharesFromQueries.set(false);
            return;
        }
        Map<String, Double> share = new HashMap<>();
        delta.forEach((e, n) -> share.put(e, n / (double) total));
        endpointShares.set(Map.copyOf(share));
        sharesFromQueries.set(true);
    }

    /**
     * Non-empty when the domain is answered from its multi-CDN providers or IGTM address pools (the
     * Traffic screen): the editor then shows the tree they compile to, read-only, and says so.
     */
    public javafx.beans.property.ReadOnlyStringProperty compiledNoticeProperty() {
        return compiledNotice.getReadOnlyProperty();
    }

    /** True while the tree shown is what providers or pools compile to: nothing in it can be edited or published. */
    public ReadOnlyBooleanProperty compiledProperty() {
        return compiled.getReadOnlyProperty();
    }

    /** True when the shares shown are of real queries since the last refresh, false when of the schedule result. */
    public ReadOnlyBooleanProperty sharesFromQueriesProperty() {
        return sharesFromQueries.getReadOnlyProperty();
    }

    private void live(Distribution r) {
        liveResult = r;
        sharesFromQueries.set(false);
        Map<String, Double> sum = new HashMap<>();
        long groups = r.groups().stream().filter(g -> g.family().equals("A") && g.cidr().isEmpty()).count();
        r.groups().stream().filter(g -> g.family().equals("A") && g.cidr().isEmpty())
                .forEach(g -> g.shares().forEach(s -> sum.merge(s.endpoint(), s.share() / Math.max(1, groups), Double::sum)));
        endpointShares.set(Map.copyOf(sum));
    }

    /** Checks an edit without making it (drop-target highlighting). */
    public DropCheck check(Edit e) {
        return e.check(history.current());
    }

    /** Makes an edit; a refusal leaves the draft as it was and says why. */
    public DropCheck edit(Edit e) {
        if (compiled.get()) {
            message.set(compiledNotice.get());
            return DropCheck.refuse("editor.refuse.compiled");
        }
        DropCheck c = history.apply(e);
        message.set(c.ok() ? "" : reason(c));
        changed();
        return c;
    }

    /** A refusal in the user's words. */
    public String reason(DropCheck c) {
        return c.ok() ? "" : m.get(c.reason(), c.args().toArray());
    }

    public void undo() {
        history.undo();
        changed();
    }

    public void redo() {
        history.redo();
        changed();
    }

    private void changed() {
        draft.set(history.current());
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        if (!selected.get().isEmpty() && history.current().node(selected.get()).isEmpty()) {
            selected.set("");
        }
        diff.set(Optional.empty());
    }

    /** The draft in the seed's JSON (export, simulation, publish); a bad userset is a refusal with its path. */
    public Optional<String> draftJson() {
        try {
            return Optional.of(seedJson.write(new SeedJson.Document(Optional.empty(),
                    history.current().toStrategy(session.regions()), List.of())));
        } catch (ValidationException e) {
            message.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** Replaces the draft by a seed JSON document (import); undoable. */
    public boolean importJson(String json) {
        try {
            edit(new Edit.Replace(Draft.of(seedJson.read(json, domain()).strategy())));
            return true;
        } catch (ValidationException e) {
            message.set(m.get("editor.importFailed", e.getMessage()));
            return false;
        }
    }

    /** Loads the engine's recommended strategy as the draft (nothing is published). */
    public void recommend() {
        String d = domain();
        NodeClient c = session.client();
        session.tasks().run(() -> c.recommendedStrategy(d).json(), json -> {
            if (d.equals(domain())) {
                importJson(json);
            }
        }, this::failed);
    }

    /** Simulates the draft for a user group (or client {@code ip} if not blank) with the failed endpoints. */
    public void simulate(String area, String isp, String ip) {
        String d = domain();
        Optional<String> json = draftJson();
        if (d.isEmpty() || json.isEmpty() || history.current().isEmpty()) {
            return;
        }
        Simulation.Request r = new Simulation.Request(ip, area, isp, List.copyOf(new TreeSet<>(failed)), json, false);
        NodeClient c = session.client();
        session.tasks().run(() -> c.simulate(d, r), s -> {
            Map<String, Simulation.Step> byName = new HashMap<>();
            s.trace().forEach(st -> byName.put(st.node(), st));
            trace.set(Map.copyOf(byName));
            answers.setAll(s.answers().stream().map(a -> m.get("editor.answer", a.endpoint(), Math.round(a.share() * 1000) / 10.0)).toList());
            if (s.failOpen()) {
                answers.add(m.get("editor.failOpen"));
            }
            message.set(m.get("editor.simulated", s.area(), s.isp()));
        }, this::failed);
    }

    public void clearSimulation() {
        trace.set(Map.of());
        answers.clear();
        message.set("");
    }

    /** Computes the diff against the live strategy, with the schedule-result change per user group. */
    public void preparePublish() {
        String d = domain();
        Optional<String> json = draftJson();
        if (d.isEmpty() || json.isEmpty() || compiled.get()) {
            return;
        }
        Draft now = history.current();
        NodeClient c = session.client();
        Distribution before = liveResult;
        session.tasks().run(() -> now.isEmpty() ? new Distribution(d, List.of())
                : c.simulate(d, new Simulation.Request(null, "beijing.CN", "ct", List.of(), json, true)).distribution()
                        .orElse(new Distribution(d, List.of())),
                after -> diff.set(Optional.of(DraftDiff.of(live, now, before, after))), this::failed);
    }

    /** Publishes the draft in one call; the live strategy, results and versions are read again. */
    public void publish() {
        String d = domain();
        Optional<String> json = draftJson();
        if (d.isEmpty() || json.isEmpty() || compiled.get()) {
            return;
        }
        NodeClient c = session.client();
        session.tasks().run(() -> {
            c.publishStrategy(d, json.get());
            return true;
        }, ok -> {
            message.set(m.get("editor.published"));
            load();
        }, this::failed);
    }

    /** Publishes an older version again. */
    public void rollback(long version) {
        String d = domain();
        NodeClient c = session.client();
        session.tasks().run(() -> c.rollbackStrategy(d, version), v -> {
            message.set(m.get("editor.rolledBack", version, v));
            load();
        }, this::failed);
    }

    /** Opens a version as the draft (to view it, or edit and publish it). */
    public void openVersion(long version) {
        String d = domain();
        NodeClient c = session.client();
        session.tasks().run(() -> c.strategyVersion(d, version).json(), this::importJson, this::failed);
    }

    private void failed(NodeClientException e) {
        message.set(session.explain(e));
    }

    /** Stops following the session (the shell dropped the screen). */
    public void dispose() {
        subs.dispose();
    }
}
