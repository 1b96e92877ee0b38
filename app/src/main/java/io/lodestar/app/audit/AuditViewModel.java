package io.lodestar.app.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.engine.api.client.AuditFilter;
import io.lodestar.engine.api.client.AuditRecord;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The node's audit log, newest first, a page at a time, filtered by domain (its endpoints included),
 * actor (token name), action or action family, and a range of days. The node does the filtering;
 * a range that ends before it starts is said beside "to" at once, and the node's refusal beside the
 * field it names. The selected entry's JSON before and after is shown as the node stored it.
 */
public final class AuditViewModel {

    /** The action families the node writes, for the action chooser (any action can be typed). */
    public static final List<String> ACTIONS = List.of("domain", "endpoint", "monitor", "strategy", "contact", "group",
            "notifications", "token", "settings", "zone");
    static final int PAGE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Session session;
    private final Messages m;
    private final ZoneId zone;
    private final StringProperty domain = new SimpleStringProperty("");
    private final StringProperty actor = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty rangeError = new SimpleStringProperty("");
    private final ObservableList<AuditRecord> entries = FXCollections.observableArrayList();
    private final ObjectProperty<AuditRecord> selected = new SimpleObjectProperty<>();
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper before = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper after = new ReadOnlyStringWrapper("");

    /** {@code zone}: the days of the from/to pickers are this zone's (the system's in the console). */
    public AuditViewModel(Session session, ZoneId zone) {
        this.session = session;
        this.m = session.messages();
        this.zone = zone;
        from.addListener((o, a, v) -> checkRange());
        to.addListener((o, a, v) -> checkRange());
        selected.addListener((o, a, r) -> {
            before.set(r == null ? "" : pretty(r.before()));
            after.set(r == null ? "" : pretty(r.after()));
        });
    }

    /** The stored JSON indented for reading; "—" when there is none (before a creation, after a deletion). */
    static String pretty(String json) {
        if (json.isEmpty()) {
            return "\u2014";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (java.io.IOException e) {
            return json;
        }
    }

    /** The selected entry's object before the change, indented. */
    public ReadOnlyStringProperty beforeProperty() {
        return before.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty afterProperty() {
        return after.getReadOnlyProperty();
    }

    private void checkRange() {
        LocalDate f = from.get();
        LocalDate t = to.get();
        rangeError.set(f != null && t != null && t.isBefore(f) ? m.get("audit.rangeBackwards") : "");
    }

    public StringProperty domainProperty() {
        return domain;
    }

    public StringProperty actorProperty() {
        return actor;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** The last day shown (inclusive). */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Beside "to": typing feedback (the range runs backwards) or the node's refusal of a time. */
    public StringProperty rangeErrorProperty() {
        return rangeError;
    }

    public ObservableList<AuditRecord> entries() {
        return entries;
    }

    public ObjectProperty<AuditRecord> selectedProperty() {
        return selected;
    }

    /** Zero-based page of {@value #PAGE} entries. */
    public IntegerProperty pageProperty() {
        return page;
    }

    /** True when an older page exists (this page came back full). */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The filter as the node reads it: days become instants at the zone's midnights, {@code to} inclusive. */
    public AuditFilter filter() {
        String f = from.get() == null ? "" : from.get().atStartOfDay(zone).toInstant().toString();
        String t = to.get() == null ? "" : to.get().plusDays(1).atStartOfDay(zone).toInstant().toString();
        return new AuditFilter(domain.get() == null ? "" : domain.get().strip(), actor.get().strip(),
                action.get() == null ? "" : action.get().strip(), f, t);
    }

    /** The first page with the current filter. */
    public void apply() {
        page.set(0);
        load();
    }

    public void clearFilter() {
        domain.set("");
        actor.set("");
        action.set("");
        from.set(null);
        to.set(null);
        apply();
    }

    public void older() {
        if (more.get()) {
            page.set(page.get() + 1);
            load();
        }
    }

    public void newer() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
            load();
        }
    }

    public void load() {
        if (!rangeError.get().isEmpty() && rangeError.get().equals(m.get("audit.rangeBackwards"))) {
            return;
        }
        AuditFilter f = filter();
        int offset = page.get() * PAGE;
        NodeClient c = session.client();
        session.tasks().run(() -> c.audit(f, offset, PAGE + 1), list -> {
            more.set(list.size() > PAGE);
            entries.setAll(list.subList(0, Math.min(PAGE, list.size())));
            error.set("");
            rangeError.set("");
        }, this::failed);
    }

    private void failed(NodeClientException e) {
        Map<String, StringProperty> fields = Map.of("from", rangeError, "to", rangeError);
        String f = e.fieldName().orElse("");
        if (fields.containsKey(f)) {
            fields.get(f).set(e.getMessage());
            error.set("");
        } else {
            error.set(session.explain(e));
        }
    }
}
