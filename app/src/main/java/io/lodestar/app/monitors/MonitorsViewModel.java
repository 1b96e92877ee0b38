package io.lodestar.app.monitors;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Subscriptions;
import io.lodestar.app.ui.Messages;
import io.lodestar.engine.api.client.MonitorSettings;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import io.lodestar.engine.api.client.PointResult;
import io.lodestar.engine.api.client.ProbeOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The CONTRACT §5 monitor form of the session's domain. As the user types, a number field that is
 * not a whole number says so; on save, the node's refusal is shown beside the field it names and
 * every typed value stays. "Probe now" lists each monitor point's result per endpoint.
 */
public final class MonitorsViewModel {

    /** The form's fields, in the order the form shows them; the names are the API's. */
    public static final List<String> FIELDS = List.of("protocol", "port", "path", "host", "expectCodes", "method",
            "bodyContains", "timeout", "interval", "threshold", "window", "minFailures");
    static final List<String> NUMBERS = List.of("port", "timeout", "interval", "threshold", "window", "minFailures");

    /** One monitor point's result for one endpoint, as the probe table shows it. */
    public record ProbeLine(String endpoint, String point, boolean ok, String latency, String failure) {
    }

    private final Session session;
    private final Subscriptions subs = new Subscriptions();
    private final Messages m;
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final BooleanProperty verifyTls = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<ProbeLine> probes = FXCollections.observableArrayList();

    public MonitorsViewModel(Session session) {
        this.session = session;
        this.m = session.messages();
        for (String f : FIELDS) {
            values.put(f, new SimpleStringProperty(""));
            errors.put(f, new SimpleStringProperty(""));
        }
        for (String f : NUMBERS) {
            values.get(f).addListener((o, a, v) -> errors.get(f).set(wholeNumber(v) ? "" : m.get("monitors.notANumber")));
        }
        subs.listen(session.domainProperty(), (o, a, x) -> load());
    }

    private static boolean wholeNumber(String v) {
        return v.strip().matches("-?\\d{1,9}");
    }

    public StringProperty value(String field) {
        return values.get(field);
    }

    /** The message beside {@code field}: typing feedback, or the node's refusal naming it. */
    public StringProperty error(String field) {
        return errors.get(field);
    }

    public BooleanProperty verifyTlsProperty() {
        return verifyTls;
    }

    /** "configured", or "not configured: the seed's recommended defaults are shown". */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** A refusal that names no field of the form, or an unreachable node. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<ProbeLine> probes() {
        return probes;
    }

    private String domain() {
        return session.domain();
    }

    public void load() {
        String d = domain();
        NodeClient c = session.client();
        session.tasks().run(() -> {
            List<String> names = c.domains().stream().map(x -> x.domain()).toList();
            String shown = Session.shownDomain(names, d);
            return new Loaded(names, shown.isEmpty() ? null : c.monitor(shown));
        }, l -> {
            session.domainsRead(l.names());
            if (l.settings() != null && d.equals(domain())) {
                show(l.settings());
                probes.clear();
            }
        }, this::failed);
    }

    private record Loaded(List<String> names, MonitorSettings settings) {
    }

    private void show(MonitorSettings s) {
        values.get("protocol").set(s.protocol());
        values.get("port").set(Integer.toString(s.port()));
        values.get("path").set(s.path());
        values.get("host").set(s.host());
        values.get("expectCodes").set(s.expectCodes());
        values.get("method").set(s.method());
        values.get("bodyContains").set(s.bodyContains());
        values.get("timeout").set(Integer.toString(s.timeout()));
        values.get("interval").set(Integer.toString(s.interval()));
        values.get("threshold").set(Integer.toString(s.threshold()));
        values.get("window").set(Integer.toString(s.window()));
        values.get("minFailures").set(Integer.toString(s.minFailures()));
        verifyTls.set(s.verifyTls());
        errors.values().forEach(e -> e.set(""));
        error.set("");
        state.set(s.configured() ? m.get("monitors.configured") : m.get("monitors.defaults"));
    }

    /** True if every number field holds a whole number (the node checks everything else). */
    public boolean typedCorrectly() {
        return NUMBERS.stream().allMatch(f -> wholeNumber(values.get(f).get()));
    }

    public void save() {
        if (!typedCorrectly()) {
            return;
        }
        String d = domain();
        MonitorSettings s = new MonitorSettings(text("protocol"), number("port"), text("path"), text("host"),
                text("expectCodes"), number("timeout"), number("interval"), number("threshold"), number("window"),
                number("minFailures"), text("method"), text("bodyContains"), verifyTls.get(), true);
        NodeClient c = session.client();
        session.tasks().run(() -> c.putMonitor(d, s), saved -> {
            if (d.equals(domain())) {
                show(saved);
            }
        }, this::failed);
    }

    private String text(String f) {
        return values.get(f).get().strip();
    }

    private int number(String f) {
        return Integer.parseInt(text(f));
    }

    public void probeNow() {
        String d = domain();
        NodeClient c = session.client();
        session.tasks().run(() -> c.probeNow(d), outcomes -> {
            List<ProbeLine> lines = new ArrayList<>();
            for (ProbeOutcome o : outcomes) {
                for (PointResult p : o.points()) {
                    lines.add(new ProbeLine(o.endpoint(), p.point(), p.ok(),
                            String.format(Locale.ROOT, "%.1f ms", p.latencyMs()), p.failure()));
                }
            }
            error.set("");
            probes.setAll(lines);
        }, this::failed);
    }

    private void failed(NodeClientException e) {
        errors.values().forEach(x -> x.set(""));
        String field = e.fieldName().orElse("");
        if (errors.containsKey(field)) {
            errors.get(field).set(e.getMessage());
            error.set("");
        } else {
            error.set(session.explain(e));
        }
    }

    /** Stops following the session (the shell dropped this screen). */
    public void dispose() {
        subs.dispose();
    }
}
