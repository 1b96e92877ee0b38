package io.lodestar.app.endpoints;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Subscriptions;
import io.lodestar.engine.api.client.DomainInfo;
import io.lodestar.engine.api.client.EndpointHealth;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Endpoints of the session's domain: the editable table (each edit is a modify request), the add
 * row with IP location, bulk paste, delete with the seed's two ways when a strategy uses the
 * endpoint, and live health merged into the rows.
 */
public final class EndpointsViewModel {

    private final Session session;
    private final Subscriptions subs = new Subscriptions();
    private final NewEndpointForm form;
    private final ObservableList<EndpointRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper inUse = new ReadOnlyBooleanWrapper(false);
    private List<EndpointInfo> pendingDelete = List.of();

    public EndpointsViewModel(Session session) {
        this.session = session;
        this.form = new NewEndpointForm(session.locator(), Optional.of(session.regions()), k -> session.messages().get(k));
        subs.listen(session.domainProperty(), (o, a, x) -> load());
    }

    public NewEndpointForm form() {
        return form;
    }

    public ObservableList<EndpointRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while a refused delete waits for the user to choose "remove and regenerate" or "keep". */
    public ReadOnlyBooleanProperty inUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    private String domain() {
        String d = session.domainProperty().get();
        return d == null ? "" : d;
    }

    /** Loads the domain names and the current domain's rows with their health. */
    public void load() {
        NodeClient c = session.client();
        String d = domain();
        session.tasks().run(() -> new Loaded(c.domains().stream().map(DomainInfo::domain).toList(),
                d.isEmpty() ? List.of() : c.endpoints(d), d.isEmpty() ? List.of() : c.health(d)), l -> {
                    session.domainsRead(l.domains);
                    if (d.equals(domain())) {
                        show(l.rows, l.health);
                    }
                }, this::failed);
    }

    private record Loaded(List<String> domains, List<EndpointInfo> rows, List<EndpointHealth> health) {
    }

    private void show(List<EndpointInfo> list, List<EndpointHealth> health) {
        List<EndpointRow> fresh = new ArrayList<>();
        list.forEach(e -> {
            EndpointRow r = new EndpointRow(e);
            r.enableProperty().addListener((o, a, b) -> commit(r));
            r.evalHealthProperty().addListener((o, a, b) -> commit(r));
            fresh.add(r);
        });
        rows.setAll(fresh);
        mergeHealth(health);
    }

    private void mergeHealth(List<EndpointHealth> health) {
        Map<String, EndpointHealth> byValue = health.stream().collect(Collectors.toMap(EndpointHealth::endpoint,
                Function.identity(), (a, b) -> a));
        rows.forEach(r -> {
            EndpointHealth h = byValue.get(r.value());
            if (h != null) {
                r.health(h);
            }
        });
    }

    /** Live status only: the table's edits in progress are left alone. */
    public void refreshHealth() {
        String d = domain();
        if (d.isEmpty()) {
            return;
        }
        NodeClient c = session.client();
        session.tasks().run(() -> c.health(d), h -> {
            if (d.equals(domain())) {
                mergeHealth(h);
            }
        }, this::failed);
    }

    /** Adds the typed row; on a refusal the typed values stay for the user to correct. */
    public void add() {
        List<EndpointInfo> one = List.of(form.toInfo(domain()));
        NodeClient c = session.client();
        session.tasks().run(() -> {
            c.addEndpoints(one);
            return true;
        }, ok -> {
            error.set("");
            form.clear();
            load();
        }, e -> {
            if (form.refused(e.fieldName().orElse(""), e.getMessage())) {
                error.set("");
            } else {
                failed(e);
            }
        });
    }

    /** Adds one endpoint per pasted line (addresses located like typed ones) in one request. */
    public void addPasted(String text) {
        List<EndpointInfo> many = new ArrayList<>();
        for (String line : text.split("[\\s,;]+")) {
            if (line.isBlank()) {
                continue;
            }
            NewEndpointForm f = new NewEndpointForm(session.locator());
            f.valueProperty().set(line.strip());
            if (f.locate(line.strip()).isEmpty()) {
                f.typeProperty().set("CNAME");
            }
            many.add(f.toInfo(domain()));
        }
        if (!many.isEmpty()) {
            write(c -> c.addEndpoints(many), () -> { });
        }
    }

    /** Sends an edited row to the node; a refusal reloads the node's version of the row. */
    public void commit(EndpointRow row) {
        List<EndpointInfo> one = List.of(row.toInfo());
        write(c -> c.modifyEndpoints(one), () -> { });
    }

    public void delete(List<EndpointRow> selected) {
        pendingDelete = selected.stream().map(EndpointRow::toInfo).toList();
        List<EndpointInfo> these = pendingDelete;
        NodeClient c = session.client();
        session.tasks().run(() -> {
            c.deleteEndpoints(these);
            return true;
        }, ok -> {
            pendingDelete = List.of();
            load();
        }, e -> {
            if (e.code().endsWith("endpoint.inUse")) {
                inUse.set(true);
            }
            failed(e);
        });
    }

    /** The seed's second way: delete, remove from the strategy and regenerate it. */
    public void deleteRegeneratingStrategy() {
        List<EndpointInfo> these = pendingDelete;
        inUse.set(false);
        write(c -> c.deleteEndpointsRegeneratingStrategy(these), () -> pendingDelete = List.of());
    }

    /** The seed's first way: the refusal stands, nothing is deleted. */
    public void keepInUse() {
        inUse.set(false);
        pendingDelete = List.of();
        error.set("");
    }

    private void write(java.util.function.Consumer<NodeClient> call, Runnable after) {
        NodeClient c = session.client();
        session.tasks().run(() -> {
            call.accept(c);
            return true;
        }, ok -> {
            error.set("");
            after.run();
            load();
        }, e -> {
            failed(e);
            load();
        });
    }

    private void failed(NodeClientException e) {
        error.set(session.explain(e));
    }

    /** Stops following the session (the shell dropped this screen). */
    public void dispose() {
        subs.dispose();
    }
}
