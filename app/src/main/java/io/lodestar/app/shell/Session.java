package io.lodestar.app.shell;

import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.UiTasks;
import io.lodestar.engine.api.client.Identity;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
 * What every screen shares: the node being managed (its client and who the token is), whether
 * editing is allowed and why not, the domain the per-domain screens show, the words, and the
 * background-task helper. Passed to each view model's constructor; there is no global instance.
 */
public final class Session {

    private final UiTasks tasks;
    private final Messages messages;
    private final Regions regions;
    private final IpLocator locator;
    private final ObjectProperty<NodeClient> client = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Identity> identity = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper("");
    private final StringProperty domain = new SimpleStringProperty("");
    private final ObservableList<String> domains = FXCollections.observableArrayList();

    public Session(NodeClient client, UiTasks tasks, Messages messages, Regions regions, IpLocator locator) {
        this.tasks = tasks;
        this.messages = messages;
        this.regions = regions;
        this.locator = locator;
        connect(client);
    }

    /** Manages {@code c} from now on; editing stays off until the node says the token may write. */
    public void connect(NodeClient c) {
        Objects.requireNonNull(c, "client");
        client.set(c);
        identity.set(null);
        readOnly.set(true);
        readOnlyReason.set(messages.get("access.checking"));
        tasks.run(c::whoami, who -> {
            if (client.get() != c) {
                return;
            }
            identity.set(who);
            readOnly.set(!who.mayWrite());
            readOnlyReason.set(who.mayWrite() ? "" : messages.get("access.readOnlyReason", who.name(), who.role()));
        }, e -> readOnlyReason.set(messages.get("access.unknownRole", e.getMessage())));
    }

    /** The same node, token and domain in other words (the language switch rebuilds the window with it). */
    public Session inLanguage(Messages other) {
        Session s = new Session(client.get(), tasks, other, regions, locator);
        s.domains.setAll(domains);
        s.domain.set(domain.get());
        return s;
    }

    public NodeClient client() {
        return client.get();
    }

    public ObjectProperty<NodeClient> clientProperty() {
        return client;
    }

    public ReadOnlyObjectProperty<Identity> identityProperty() {
        return identity.getReadOnlyProperty();
    }

    /** True until the node confirms the token may write, and for {@code read} tokens. */
    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    /** The domain the Endpoints and Monitors screens show. */
    public StringProperty domainProperty() {
        return domain;
    }

    /** The node's domain names, as last read by any screen (the per-domain screens' choosers). */
    public ObservableList<String> domains() {
        return domains;
    }

    /** The session's domain (never null, empty when none is chosen). */
    public String domain() {
        String d = domain.get();
        return d == null ? "" : d;
    }

    /** Which of {@code names} a per-domain screen shows for {@code wanted}: it, else the first, else "". */
    public static String shownDomain(List<String> names, String wanted) {
        return !wanted.isEmpty() && names.contains(wanted) ? wanted : names.isEmpty() ? "" : names.get(0);
    }

    /** Takes a fresh list of domain names; the current domain moves to the first if it is gone. */
    public void domainsRead(java.util.List<String> names) {
        if (!domains.equals(names)) {
            domains.setAll(names);
        }
        String d = domain.get();
        if (d == null || d.isEmpty() || !names.contains(d)) {
            domain.set(names.isEmpty() ? "" : names.get(0));
        }
    }

    public UiTasks tasks() {
        return tasks;
    }

    public Messages messages() {
        return messages;
    }

    public Regions regions() {
        return regions;
    }

    public IpLocator locator() {
        return locator;
    }

    /** A refusal as the user reads it: the node's message, or why the node was not reached. */
    public String explain(NodeClientException e) {
        if (e.unreachable()) {
            return messages.get("error.unreachable", e.getMessage());
        }
        return e.getMessage();
    }
}
