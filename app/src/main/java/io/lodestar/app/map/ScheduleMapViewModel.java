package io.lodestar.app.map;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Subscriptions;
import io.lodestar.engine.api.client.Distribution;
import io.lodestar.engine.api.client.DomainInfo;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import io.lodestar.engine.api.client.Simulation;
import java.util.ArrayList;
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
    private final ObservableList<IspPath> path = FXCollections.observableArrayList();
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
        choice.ispProperty().addListener((o, a, v) -> {
            derive();
            path.clear(); // not the old ISP's path while the new one is read
            trace();
        });
        selected.addListener((o, a, v) -> {
            path.clear();
            trace();
        });
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

    /**
     * The path through the strategy tree of the selected province: one entry for the chosen ISP, one
     * per ISP when all are shown (one for Hong Kong, Macau and Taiwan, whose users are all {@code other});
     * empty while no province is selected.
     */
    public ObservableList<IspPath> path() {
        return path;
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
        trace(); // the answers changed: so may the path
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

    /** The province panel's answer lines: each ISP's answers. */
    public List<String> detail(String area) {
        return text.ispLines(frame.get(), area);
    }

    /**
     * Asks the node for the selected province's path (its own evaluation's trace, {@code simulate} of
     * the group) for the chosen ISP, or each ISP when all are chosen. A reply for a province or ISP no
     * longer chosen is dropped.
     */
    private void trace() {
        String area = selected.get();
        String d = shownDomain;
        String choiceNow = choice.ispProperty().get();
        int p = layout.provinceIndex(area);
        if (area.isEmpty() || d.isEmpty() || p < 0) {
            path.clear();
            return;
        }
        List<String> isps = !layout.mainland(p) ? List.of("other")
                : MapLayout.ALL.equals(choiceNow) ? layout.isps() : List.of(choiceNow);
        NodeClient c = session.client();
        session.tasks().run(() -> {
            List<IspPath> out = new ArrayList<>();
            for (String isp : isps) {
                out.add(new IspPath(isp, c.simulate(d, Simulation.Request.group(area, isp))));
            }
            return out;
        }, out -> {
            if (area.equals(selected.get()) && d.equals(shownDomain) && choiceNow.equals(choice.ispProperty().get())
                    && !out.equals(path)) {
                path.setAll(out);
            }
        }, this::failed);
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
