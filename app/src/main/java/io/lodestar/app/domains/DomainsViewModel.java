package io.lodestar.app.domains;

import io.lodestar.app.shell.Session;
import io.lodestar.engine.api.client.DomainInfo;
import io.lodestar.engine.api.client.NodeClient;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Domains: the seed's list, create and delete, start/stop/pause, and the CNAME record line the user
 * adds at their DNS host. Every rule (name syntax, duplicates) is the node's; its refusal is shown
 * as it says it, and the typed name stays.
 */
public final class DomainsViewModel {

    private final Session session;
    private final ObservableList<DomainInfo> domains = FXCollections.observableArrayList();
    private final ObjectProperty<DomainInfo> selected = new SimpleObjectProperty<>();
    private final StringProperty newName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper record = new ReadOnlyStringWrapper("");

    public DomainsViewModel(Session session) {
        this.session = session;
        selected.addListener((o, a, d) -> record.set(d == null ? "" : d.cnameRecord()));
    }

    public ObservableList<DomainInfo> domains() {
        return domains;
    }

    public ObjectProperty<DomainInfo> selectedProperty() {
        return selected;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    /** The node's last refusal, empty when the last action went through. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The exact record line for the selected domain, e.g. {@code www.example.com. 60 IN CNAME …}. */
    public ReadOnlyStringProperty recordProperty() {
        return record.getReadOnlyProperty();
    }

    /** True when creating is not possible: read-only, or nothing typed. */
    public BooleanBinding createDisabled() {
        return session.readOnlyProperty().or(Bindings.createBooleanBinding(() -> newName.get().isBlank(), newName));
    }

    /** True when an action on the selected domain is not possible: read-only or no selection. */
    public BooleanBinding selectionActionsDisabled() {
        return session.readOnlyProperty().or(selected.isNull());
    }

    public void refresh() {
        NodeClient c = session.client();
        session.tasks().run(c::domains, this::show, e -> error.set(session.explain(e)));
    }

    private void show(List<DomainInfo> list) {
        String keep = selected.get() == null ? "" : selected.get().domain();
        domains.setAll(list);
        session.domainsRead(list.stream().map(DomainInfo::domain).toList());
        selected.set(list.stream().filter(d -> d.domain().equals(keep)).findFirst()
                .orElse(list.isEmpty() ? null : list.get(0)));
    }

    public void create() {
        String name = newName.get().strip();
        NodeClient c = session.client();
        session.tasks().run(() -> {
            c.createDomain(name, true);
            return c.domains();
        }, list -> {
            error.set("");
            newName.set("");
            show(list);
            selected.set(list.stream().filter(d -> d.domain().equals(name.toLowerCase(java.util.Locale.ROOT)))
                    .findFirst().orElse(null));
            session.domainProperty().set(name.toLowerCase(java.util.Locale.ROOT));
        }, e -> error.set(session.explain(e)));
    }

    public void deleteSelected() {
        DomainInfo d = selected.get();
        if (d == null) {
            return;
        }
        NodeClient c = session.client();
        session.tasks().run(() -> {
            c.deleteDomain(d.domain());
            return c.domains();
        }, list -> {
            error.set("");
            show(list);
        }, e -> error.set(session.explain(e)));
    }

    /** {@code start}, {@code stop} or {@code pause} for the selected domain. */
    public void setStatus(String status) {
        DomainInfo d = selected.get();
        if (d == null) {
            return;
        }
        NodeClient c = session.client();
        session.tasks().run(() -> {
            c.setStatus(d.domain(), status);
            return c.domains();
        }, list -> {
            error.set("");
            show(list);
        }, e -> error.set(session.explain(e)));
    }
}
