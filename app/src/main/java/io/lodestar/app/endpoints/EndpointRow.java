package io.lodestar.app.endpoints;

import io.lodestar.engine.api.client.EndpointHealth;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.PointResult;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable endpoint row, plus its live health (status, last probe latency, failure reason). */
public final class EndpointRow {

    private final String domain;
    private final String value;
    private final StringProperty type = new SimpleStringProperty();
    private final StringProperty area = new SimpleStringProperty();
    private final StringProperty isp = new SimpleStringProperty();
    private final StringProperty tag = new SimpleStringProperty();
    private final IntegerProperty weight = new SimpleIntegerProperty();
    private final BooleanProperty enable = new SimpleBooleanProperty();
    private final BooleanProperty evalHealth = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("unknown");
    private final StringProperty latency = new SimpleStringProperty("");
    private final StringProperty failure = new SimpleStringProperty("");

    public EndpointRow(EndpointInfo e) {
        this.domain = e.domain();
        this.value = e.endpoint();
        type.set(e.type());
        area.set(e.area());
        isp.set(e.isp());
        tag.set(e.tag());
        weight.set(e.weight());
        enable.set(e.enable());
        evalHealth.set(e.evalHealth());
        status.set(e.status());
    }

    /** The row as the API writes it. */
    public EndpointInfo toInfo() {
        return new EndpointInfo(domain, value, type.get(), area.get(), isp.get(), tag.get(), weight.get(), enable.get(),
                evalHealth.get(), status.get());
    }

    /** Takes the node's verdict and the most recent probe among the monitor points. */
    void health(EndpointHealth h) {
        status.set(h.status());
        PointResult last = h.points().stream().max(java.util.Comparator.comparing(PointResult::at)).orElse(null);
        latency.set(last == null ? "" : String.format(Locale.ROOT, "%.1f ms", last.latencyMs()));
        failure.set(last == null || last.ok() ? "" : last.failure());
    }

    public String value() {
        return value;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty areaProperty() {
        return area;
    }

    public StringProperty ispProperty() {
        return isp;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public IntegerProperty weightProperty() {
        return weight;
    }

    public BooleanProperty enableProperty() {
        return enable;
    }

    public BooleanProperty evalHealthProperty() {
        return evalHealth;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty latencyProperty() {
        return latency;
    }

    public StringProperty failureProperty() {
        return failure;
    }
}
