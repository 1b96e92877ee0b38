package io.lodestar.app.map;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Subscriptions;
import io.lodestar.engine.api.client.Distribution;
import io.lodestar.engine.api.client.DomainInfo;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The schedule map of the session's domain as it is now: the node's current schedule result
 * ({@code GET …/distribution}) as a {@link MapFrame}, the endpoints with their health (legend,
 * markers), the chosen ISP and the clicked province. {@link #refresh()} reads the node again; the
 * view calls it on its own timer while it is shown.
 */
public final class ScheduleMapViewModel {

    private final Session session;
    private final MapLayout layout;
    private final MapText text;
    private final MapChoice choice;
    private final EndpointPalette palette;
    private final ReadOnlyObjectWrapper<MapFrame> frame;
    private final StringProperty selected = new SimpleStringProperty("");
    private final ObjectProperty<List<EndpointInfo>> endpoints = new SimpleObjectProperty<>(List.of());
    private final ObservableList<LegendRow> legend = FXCollections.observableArrayList();
    private final ObservableList<AbroadRow> abroad = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private String shownDomain = "";
    private Distribution shownResult;

    private final Subscriptions subs = new Subscriptions();

    public ScheduleMapViewModel(Session session, MapLayout layout) {
        this.session = session;
        this.choice = new MapChoice(layout, session.messages());
        this.layout = layout;
        this.text = choice.text();
        this.palette = choice.palette();
        this.frame = new ReadOnlyObjectWrapper<>(MapFrame.empty(layout));
        subs.listen(session.domainProperty(), (o, a, d) -> refresh());
        choice.ispProperty().addListener((o, a, v) -> derive());
    }

    /** Layout, words, colours and the chosen ISP. */
    public MapChoice choice() {
        return choice;
    }

    public ReadOnlyObjectProperty<MapFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** The province whose details the side panel shows, {@code ""} for none. */
    public StringProperty selectedProperty() {
        return selected;
    }

    /** The domain's endpoints with the node's health verdicts, as last read. */
    public ObjectProperty<List<EndpointInfo>> endpointsProperty() {
        return endpoints;
    }

    public ObservableList<LegendRow> legend() {
        return legend;
    }

    public ObservableList<AbroadRow> abroad() {
        return abroad;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private record Loaded(List<String> names, String domain, List<EndpointInfo> endpoints, Distribution result) {
    }

    /** Reads domains, the shown domain's endpoints and its current schedule result. */
    public void refresh() {
        String wanted = session.domainProperty().get() == null ? "" : session.domainProperty().get();
        NodeClient c = session.client();
        session.tasks().run(() -> {
            List<String> names = c.domains().stream().map(DomainInfo::domain).toList();
            String d = wanted.isEmpty() || !names.contains(wanted) ? (names.isEmpty() ? "" : names.get(0)) : wanted;
            if (d.isEmpty()) {
                return new Loaded(names, d, List.of(), new Distribution("", List.of()));
            }
            return new Loaded(names, d, c.endpoints(d), c.distribution(d));
        }, this::show, this::failed);
    }

    private void show(Loaded l) {
        session.domainsRead(l.names());
        if (!l.domain().equals(session.domainProperty().get())) {
            return;
        }
        error.set("");
        if (l.domain().equals(shownDomain) && l.result().equals(shownResult) && l.endpoints().equals(endpoints.get())) {
            return; // nothing changed since the last refresh: keep the map, the panels and their scroll
        }
        shownResult = l.result();
        if (!l.domain().equals(shownDomain)) {
            shownDomain = l.domain();
            selected.set(""); // repaints the old frame: before the palette starts over
            palette.reset(l.endpoints().stream().map(EndpointInfo::endpoint).toList());
        }
        endpoints.set(l.endpoints());
        frame.set(MapFrame.of(l.result(), layout, new ShareInterner()));
        derive();
    }

    private void failed(NodeClientException e) {
        error.set(session.explain(e));
    }

    private void derive() {
        MapFrame f = frame.get();
        legend.setAll(LegendRow.of(f, choice.ispChoice(), palette, status()));
        abroad.setAll(AbroadRow.of(f, text));
    }

    /** Endpoint → {@code ok}/{@code fail}/{@code unknown}. */
    public Map<String, String> status() {
        Map<String, String> s = new LinkedHashMap<>();
        endpoints.get().forEach(e -> s.put(e.endpoint(), e.status()));
        return s;
    }

    /** The hover text of a province. */
    public String tooltip(String area) {
        return text.tooltip(frame.get(), area);
    }

    /**
     * The province panel: each ISP's answers. The engine does not report which rules of the strategy
     * tree led there yet (a rule-path trace belongs in the engine's evaluator, not in the console), so
     * the last line says so instead of guessing.
     */
    public List<String> detail(String area) {
        List<String> out = new java.util.ArrayList<>(text.ispLines(frame.get(), area));
        out.add(session.messages().get("map.noTrace"));
        return out;
    }

    /** The result table as CSV. */
    public String csv() {
        return text.csv(frame.get(), "now");
    }

    /** Stops following the session (the shell dropped the screen). */
    public void dispose() {
        subs.dispose();
    }
}
