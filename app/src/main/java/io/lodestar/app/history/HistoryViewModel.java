package io.lodestar.app.history;

import io.lodestar.app.map.EndpointPalette;
import io.lodestar.app.map.LegendRow;
import io.lodestar.app.map.MapChoice;
import io.lodestar.app.map.MapFrame;
import io.lodestar.app.map.MapLayout;
import io.lodestar.app.map.MapText;
import io.lodestar.app.map.ShareInterner;
import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Subscriptions;
import io.lodestar.engine.api.client.DistributionHistory;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The history screen's state: a range of the domain's schedule-result history
 * ({@code GET …/distribution/history}) as {@link MapFrame}s, a position in time (the slider) and the
 * frame in force there, playback, and compare mode (a pinned moment beside the current one, changed
 * provinces outlined). Moving the position costs a binary search; the frame changes only when the
 * position crosses a change.
 */
public final class HistoryViewModel {

    /** One change in the history: when, why, and the map from then on. */
    public record Moment(Instant at, String reason, MapFrame frame) {
    }

    private final Session session;
    private final MapLayout layout;
    private final MapText text;
    private final MapChoice choice;
    private final EndpointPalette palette;
    private final Supplier<Instant> clock;
    private final ObjectProperty<Instant> from = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> to = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<List<Moment>> moments = new ReadOnlyObjectWrapper<>(List.of());
    private long[] times = new long[0];
    private final DoubleProperty position = new SimpleDoubleProperty();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<MapFrame> frame;
    private final ReadOnlyStringWrapper momentText = new ReadOnlyStringWrapper("");
    private final BooleanProperty compare = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Moment> pinned = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(600);
    private final ObservableList<LegendRow> legend = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private Map<String, String> status = Map.of();
    private long loads;

    private final Subscriptions subs = new Subscriptions();

    public HistoryViewModel(Session session, MapLayout layout, Supplier<Instant> clock) {
        this.session = session;
        this.choice = new MapChoice(layout, session.messages());
        this.layout = layout;
        this.text = choice.text();
        this.palette = choice.palette();
        this.clock = clock;
        this.frame = new ReadOnlyObjectWrapper<>(MapFrame.empty(layout));
        Instant now = clock.get();
        to.set(now);
        from.set(now.minus(Duration.ofDays(1)));
        position.addListener((o, a, v) -> seek(v.longValue()));
        choice.ispProperty().addListener((o, a, v) -> relegend());
        compare.addListener((o, a, on) -> pinned.set(on && index.get() >= 0 ? moments.get().get(index.get()) : null));
        subs.listen(session.domainProperty(), (o, a, d) -> load());
    }

    /** Layout, words, colours and the chosen ISP. */
    public MapChoice choice() {
        return choice;
    }

    public ObjectProperty<Instant> fromProperty() {
        return from;
    }

    public ObjectProperty<Instant> toProperty() {
        return to;
    }

    /** Shows the last {@code span} up to now and loads it. */
    public void last(Duration span) {
        Instant now = clock.get();
        to.set(now);
        from.set(now.minus(span));
        load();
    }

    public ReadOnlyObjectProperty<List<Moment>> momentsProperty() {
        return moments.getReadOnlyProperty();
    }

    /** The slider's position, epoch milliseconds. */
    public DoubleProperty positionProperty() {
        return position;
    }

    /** Index of the moment in force at the position, -1 before the first. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MapFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** "2026-11-23 17:02:03 · health: 127.0.0.3 fail" for the moment in force. */
    public ReadOnlyStringProperty momentTextProperty() {
        return momentText.getReadOnlyProperty();
    }

    /** Compare mode: turning it on pins the moment now shown; the map beside it follows the slider. */
    public BooleanProperty compareProperty() {
        return compare;
    }

    public ReadOnlyObjectProperty<Moment> pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Playback speed: history seconds per second. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public ObservableList<LegendRow> legend() {
        return legend;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private record Loaded(List<EndpointInfo> endpoints, List<Moment> moments) {
    }

    /** Reads the range's history and the domain's endpoints; the position moves to the range's end. */
    public void load() {
        String d = session.domainProperty().get();
        if (d == null || d.isEmpty()) {
            return;
        }
        NodeClient c = session.client();
        Instant f = from.get();
        Instant t = to.get();
        long load = ++loads;
        session.tasks().run(() -> {
            DistributionHistory h = c.distributionHistory(d, f, t);
            ShareInterner interner = new ShareInterner();
            List<Moment> out = new ArrayList<>(h.moments().size());
            for (DistributionHistory.Moment m : h.moments()) {
                out.add(new Moment(m.at(), m.reason(), MapFrame.of(m.result(), layout, interner)));
            }
            return new Loaded(c.endpoints(d), out);
        }, l -> {
            if (load != loads) {
                return; // a later load is under way
            }
            error.set("");
            status = new LinkedHashMap<>();
            l.endpoints().forEach(e -> status.put(e.endpoint(), e.status()));
            palette.reset(l.endpoints().stream().map(EndpointInfo::endpoint).toList());
            show(l.moments());
        }, this::failed);
    }

    /** Takes these moments (oldest first) as the history shown; public for the benchmark. */
    public void show(List<Moment> list) {
        playing.set(false);
        compare.set(false);
        times = list.stream().mapToLong(m -> m.at().toEpochMilli()).toArray();
        index.set(-2);
        moments.set(List.copyOf(list));
        if (position.get() == to.get().toEpochMilli()) {
            seek(to.get().toEpochMilli());
        } else {
            position.set(to.get().toEpochMilli());
        }
    }

    private void failed(NodeClientException e) {
        error.set(session.explain(e));
    }

    /** The index of the moment in force at {@code millis}: the last one at or before it. */
    public int indexAt(long millis) {
        int i = Arrays.binarySearch(times, millis);
        if (i < 0) {
            i = -i - 2;
        } else {
            while (i + 1 < times.length && times[i + 1] == millis) {
                i++;
            }
        }
        return i;
    }

    private void seek(long millis) {
        int i = indexAt(millis);
        if (i == index.get()) {
            return;
        }
        index.set(i);
        if (i < 0) {
            frame.set(MapFrame.empty(layout));
            momentText.set(session.messages().get("history.beforeFirst"));
        } else {
            Moment m = moments.get().get(i);
            frame.set(m.frame());
            momentText.set(session.messages().get("history.moment", Times.text(m.at()), m.reason()));
        }
        relegend();
    }

    private void relegend() {
        legend.setAll(LegendRow.of(frame.get(), choice.ispChoice(), palette, status));
    }

    /** Playback: moves the position on by {@code seconds} of real time at the chosen speed; stops at the end. */
    public void tick(double seconds) {
        if (!playing.get()) {
            return;
        }
        double end = to.get().toEpochMilli();
        double next = Math.min(end, position.get() + seconds * speed.get() * 1000);
        position.set(next);
        if (next >= end) {
            playing.set(false);
        }
    }

    /** Starts playing from the start of the range when at its end, else from where the slider is. */
    public void play() {
        if (position.get() >= to.get().toEpochMilli()) {
            position.set(from.get().toEpochMilli());
        }
        playing.set(true);
    }

    /** The result table of the moment shown, as CSV. */
    public String csv() {
        int i = index.get();
        return text.csv(frame.get(), i < 0 ? "" : moments.get().get(i).at().toString());
    }

    /** Stops following the session (the shell dropped the screen). */
    public void dispose() {
        subs.dispose();
    }
}
