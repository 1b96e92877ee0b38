package io.lodestar.app.traffic;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Subscriptions;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import io.lodestar.engine.api.client.Traffic;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Traffic operations of the session's domain (docs/traffic.md): switch control with who paused it
 * and when, the gray migration's step, share and timeline with pause/resume, the failover drill
 * (execute on chosen endpoints, roll back) and the expected failover time of the domain's monitor
 * beside the last drill's measured one.
 */
public final class TrafficViewModel {

    /** One timeline entry as the list shows it. */
    public record TimelineLine(String at, String event, int percent, String detail) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Session session;
    private final Messages m;
    private final Subscriptions subs = new Subscriptions();

    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper switching = new ReadOnlyStringWrapper("");

    private final ReadOnlyBooleanWrapper hasRamp = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper rampSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rampStep = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rampStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper rampShare = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper rampPausable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper rampResumable = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<TimelineLine> timeline = FXCollections.observableArrayList();

    private final ObservableList<String> endpoints = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper drillState = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper drillRunning = new ReadOnlyBooleanWrapper(false);

    private final ReadOnlyStringWrapper expected = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper measured = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private final javafx.beans.property.StringProperty policy = new javafx.beans.property.SimpleStringProperty("");
    private final ReadOnlyStringWrapper policyError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rampError = new ReadOnlyStringWrapper("");
    private String policyDomain = "";

    public TrafficViewModel(Session session) {
        this.session = session;
        this.m = session.messages();
        subs.listen(session.domainProperty(), (o, a, x) -> load());
    }

    private record Loaded(List<String> names, String domain, Traffic.Switching switching, Optional<Traffic.Ramp> ramp,
                          Optional<Traffic.Drill> drill, Traffic.FailoverTime failover, String monitor, List<String> endpoints) {
    }

    /** Reads everything the screen shows for the session's domain (also the poll while it is on the window). */
    public void load() {
        String d = session.domain();
        NodeClient c = session.client();
        session.tasks().run(() -> {
            List<String> names = c.domains().stream().map(x -> x.domain()).toList();
            String shown = Session.shownDomain(names, d);
            if (shown.isEmpty()) {
                return new Loaded(names, shown, null, Optional.empty(), Optional.empty(), null, "", List.of());
            }
            var mon = c.monitor(shown);
            String monitor = mon.configured() ? mon.protocol() + (mon.protocol().equals("ping") ? "" : ":" + mon.port()) : "";
            return new Loaded(names, shown, c.switching(shown), c.ramp(shown), c.drill(shown), c.failoverTime(shown), monitor,
                    c.endpoints(shown).stream().map(EndpointInfo::endpoint).toList());
        }, l -> {
            session.domainsRead(l.names());
            if (l.switching() == null || !l.domain().equals(session.domain())) {
                return;
            }
            showSwitching(l.switching());
            showRamp(l.ramp());
            showDrill(l.drill());
            showFailover(l.failover(), l.monitor());
            if (!l.domain().equals(policyDomain)) {
                loadPolicy(l.domain());
            }
            if (!endpoints.equals(l.endpoints())) {
                endpoints.setAll(l.endpoints());
            }
            error.set("");
        }, this::failed);
    }

    private void showSwitching(Traffic.Switching s) {
        paused.set(s.paused());
        switching.set(s.paused() ? m.get("traffic.switching.paused", s.by(), local(s.at())) : m.get("traffic.switching.running"));
    }

    private void showRamp(Optional<Traffic.Ramp> ramp) {
        hasRamp.set(ramp.isPresent());
        if (ramp.isEmpty()) {
            rampSummary.set(m.get("traffic.ramp.none"));
            rampStep.set("");
            rampStatus.set("");
            rampShare.set(0);
            rampPausable.set(false);
            rampResumable.set(false);
            timeline.clear();
            return;
        }
        Traffic.Ramp r = ramp.get();
        String users = r.usersets().isEmpty() ? m.get("traffic.ramp.everyone") : r.usersets();
        rampSummary.set(m.get("traffic.ramp.summary", r.from(), r.to(), users, r.holdSeconds()));
        rampStep.set(m.get("traffic.ramp.step", r.step() + 1, r.steps().size(), r.percent(), r.to()));
        rampStatus.set(m.get(statusKey(r.status())));
        rampShare.set(r.percent() / 100.0);
        rampPausable.set(r.status().equals("running"));
        rampResumable.set(r.status().equals("paused") || r.status().equals("rolledBack"));
        List<TimelineLine> lines = r.timeline().stream()
                .map(e -> new TimelineLine(local(e.at()), e.event(), e.percent(), e.detail())).toList();
        if (!timeline.equals(lines)) {
            timeline.setAll(lines);
        }
    }

    /** The node's ISO instant as local {@code yyyy-MM-dd HH:mm:ss}, as the history screen shows times. */
    private static String local(String iso) {
        try {
            return TIME.format(LocalDateTime.ofInstant(Instant.parse(iso), ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String statusKey(String status) {
        switch (status) {
            case "running":
                return "traffic.ramp.status.running";
            case "paused":
                return "traffic.ramp.status.paused";
            case "done":
                return "traffic.ramp.status.done";
            default:
                return "traffic.ramp.status.rolledBack";
        }
    }

    private void showDrill(Optional<Traffic.Drill> drill) {
        if (drill.isEmpty()) {
            drillRunning.set(false);
            drillState.set(m.get("traffic.drill.none"));
            return;
        }
        Traffic.Drill x = drill.get();
        drillRunning.set(x.executed());
        if (x.executed()) {
            List<String> out = x.forced().isEmpty() ? x.endpoints() : x.forced();
            drillState.set(m.get("traffic.drill.running", String.join(", ", out), x.executedBy(), local(x.executedAt()), x.mode()));
        } else if (!x.rolledBackAt().isEmpty()) {
            drillState.set(m.get("traffic.drill.rolledBack", x.rolledBackBy(), local(x.rolledBackAt())));
        } else {
            drillState.set(m.get("traffic.drill.planned", String.join(", ", x.endpoints())));
        }
    }

    private void showFailover(Traffic.FailoverTime t, String monitor) {
        if (t.expectedSeconds().isPresent()) {
            expected.set(m.get("traffic.failover.expected", monitor, t.interval(), t.timeout(), t.minFailures(), t.ttl(),
                    t.expectedSeconds().getAsInt()));
        } else {
            expected.set(m.get("traffic.failover.noMonitor"));
        }
        measured.set(t.drillMeasuredMs().isPresent()
                ? m.get("traffic.failover.measured", t.drillMeasuredMs().getAsLong(),
                        String.format(Locale.ROOT, "%.2f", t.drillMeasuredSeconds().orElse(0)))
                : m.get("traffic.failover.notMeasured"));
    }

    /** Pauses switching when it runs, resumes it when paused. */
    public void toggleSwitching() {
        String d = session.domain();
        boolean pause = !paused.get();
        NodeClient c = session.client();
        session.tasks().run(() -> c.setSwitching(d, pause), s -> {
            if (d.equals(session.domain())) {
                showSwitching(s);
                error.set("");
            }
        }, this::failed);
    }

    /** The domain's traffic document (pools, all-down policy, TTL while down), read when the domain is shown. */
    private void loadPolicy(String d) {
        NodeClient c = session.client();
        session.tasks().run(() -> c.trafficPolicy(d).json(), json -> {
            if (d.equals(session.domain())) {
                policyDomain = d;
                policy.set(json);
                policyError.set("");
            }
        }, this::failed);
    }

    /** Replaces the domain's traffic document with the text typed; a refusal keeps the text and says why. */
    public void savePolicy() {
        String d = session.domain();
        String text = policy.get();
        NodeClient c = session.client();
        session.tasks().run(() -> c.putTrafficPolicy(d, text).json(), json -> {
            if (d.equals(session.domain())) {
                policy.set(json);
                policyError.set("");
                load();
            }
        }, e -> policyError.set(session.explain(e)));
    }

    /**
     * Starts a gray migration of {@code usersets} from endpoint {@code from} to {@code to} in the
     * {@code steps} given as "1, 5, 25, 100" (per cent), each held {@code hold} seconds.
     */
    public void startRamp(String from, String to, String usersets, String steps, String hold) {
        List<Integer> percents = new java.util.ArrayList<>();
        try {
            for (String p : steps.split("[,\\s]+")) {
                if (!p.isBlank()) {
                    percents.add(Integer.parseInt(p.trim()));
                }
            }
        } catch (NumberFormatException e) {
            rampError.set(m.get("traffic.ramp.start.badSteps"));
            return;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(hold.trim());
        } catch (NumberFormatException e) {
            rampError.set(m.get("traffic.ramp.start.badHold"));
            return;
        }
        String d = session.domain();
        NodeClient c = session.client();
        Traffic.RampInput in = new Traffic.RampInput(from.trim(), to.trim(), usersets.trim(), percents, seconds, 0);
        session.tasks().run(() -> c.startRamp(d, in), r -> {
            if (d.equals(session.domain())) {
                rampError.set("");
                showRamp(Optional.of(r));
            }
        }, e -> rampError.set(session.explain(e)));
    }

    /** The traffic document as typed (JSON; docs/traffic.md). */
    public javafx.beans.property.StringProperty policyProperty() {
        return policy;
    }

    /** Beside the document: the node's refusal of it. */
    public ReadOnlyStringProperty policyErrorProperty() {
        return policyError.getReadOnlyProperty();
    }

    /** Beside the start form: the field that is wrong, or the node's refusal. */
    public ReadOnlyStringProperty rampErrorProperty() {
        return rampError.getReadOnlyProperty();
    }

    public void pauseRamp() {
        rampAction(true);
    }

    public void resumeRamp() {
        rampAction(false);
    }

    private void rampAction(boolean pause) {
        String d = session.domain();
        NodeClient c = session.client();
        session.tasks().run(() -> c.pauseRamp(d, pause), r -> {
            if (d.equals(session.domain())) {
                showRamp(Optional.of(r));
                error.set("");
            }
        }, this::failed);
    }

    /** Plans a forcing drill on {@code chosen} and executes it; the answers move away from them. */
    public void executeDrill(List<String> chosen) {
        if (chosen.isEmpty()) {
            error.set(m.get("traffic.drill.chooseFirst"));
            return;
        }
        String d = session.domain();
        List<String> eps = List.copyOf(chosen);
        NodeClient c = session.client();
        session.tasks().run(() -> {
            c.planDrill(d, eps, List.of(), "force");
            return c.executeDrill(d);
        }, x -> load(), this::failed);
    }

    /** Removes the drill's forced state; the answers are exactly as before. */
    public void rollbackDrill() {
        String d = session.domain();
        NodeClient c = session.client();
        session.tasks().run(() -> c.rollbackDrill(d), x -> load(), this::failed);
    }

    private void failed(NodeClientException e) {
        error.set(session.explain(e));
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** "Switching runs…" or "Switching paused by … at …". */
    public ReadOnlyStringProperty switchingProperty() {
        return switching.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasRampProperty() {
        return hasRamp.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rampSummaryProperty() {
        return rampSummary.getReadOnlyProperty();
    }

    /** "Step 2 of 4: 25 % to b". */
    public ReadOnlyStringProperty rampStepProperty() {
        return rampStep.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rampStatusProperty() {
        return rampStatus.getReadOnlyProperty();
    }

    /** The share sent to the ramp's target now, 0–1. */
    public ReadOnlyDoubleProperty rampShareProperty() {
        return rampShare.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty rampPausableProperty() {
        return rampPausable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty rampResumableProperty() {
        return rampResumable.getReadOnlyProperty();
    }

    public ObservableList<TimelineLine> timeline() {
        return timeline;
    }

    /** The domain's endpoints, to choose a drill's targets from. */
    public ObservableList<String> endpoints() {
        return endpoints;
    }

    public ReadOnlyStringProperty drillStateProperty() {
        return drillState.getReadOnlyProperty();
    }

    /** True while an executed drill has not been rolled back. */
    public ReadOnlyBooleanProperty drillRunningProperty() {
        return drillRunning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty expectedProperty() {
        return expected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty measuredProperty() {
        return measured.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Stops following the session (the shell dropped this screen). */
    public void dispose() {
        subs.dispose();
    }
}
