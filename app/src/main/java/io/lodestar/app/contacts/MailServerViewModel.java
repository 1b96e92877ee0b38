package io.lodestar.app.contacts;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.engine.api.client.MailServerInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The node's SMTP server for alert e-mail (a {@code full} token's business): the form, a port that
 * is not a whole number said as typed, the node's refusal beside the field it names, typed values
 * kept. The node never shows the password back, so saving a login needs it typed again.
 */
public final class MailServerViewModel {

    /** The form's fields; the names are the API's. */
    public static final List<String> FIELDS = List.of("host", "port", "security", "from", "user", "password");

    private final Session session;
    private final Messages m;
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper allowed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public MailServerViewModel(Session session) {
        this.session = session;
        this.m = session.messages();
        for (String f : FIELDS) {
            values.put(f, new SimpleStringProperty(""));
            errors.put(f, new SimpleStringProperty(""));
            values.get(f).addListener((o, a, v) -> errors.get(f).set(""));
        }
        values.get("security").set("none");
        values.get("port").set("25");
        values.get("port").addListener((o, a, v) -> errors.get("port").set(v.strip().matches("\\d{1,5}") ? "" : m.get("mail.hint.port")));
    }

    public StringProperty value(String field) {
        return values.get(field);
    }

    public StringProperty error(String field) {
        return errors.get(field);
    }

    /** False until the node lets this token read the mail settings (role full). */
    public ReadOnlyBooleanProperty allowedProperty() {
        return allowed.getReadOnlyProperty();
    }

    /** "E-mail is off", "Sending through HOST", "Saved", or why the form is closed. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void load() {
        NodeClient c = session.client();
        session.tasks().run(c::mailServer, this::show, e -> {
            allowed.set(false);
            state.set(e.forbidden() ? m.get("mail.needFull") : "");
            error.set(e.forbidden() ? "" : session.explain(e));
        });
    }

    private void show(Optional<MailServerInfo> s) {
        allowed.set(true);
        error.set("");
        s.ifPresent(x -> {
            values.get("host").set(x.host());
            values.get("port").set(Integer.toString(x.port()));
            values.get("security").set(x.security());
            values.get("from").set(x.from());
            values.get("user").set(x.user());
            values.get("password").set("");
        });
        state.set(s.map(x -> m.get("mail.on", x.host())).orElse(m.get("mail.off")));
    }

    public void save() {
        if (!errors.get("port").get().isEmpty()) {
            return;
        }
        MailServerInfo s = new MailServerInfo(text("host"), Integer.parseInt(text("port")), text("security"), text("from"),
                text("user"), values.get("password").get());
        NodeClient c = session.client();
        session.tasks().run(() -> {
            c.putMailServer(s);
            return c.mailServer();
        }, saved -> {
            show(saved);
            state.set(m.get("mail.saved"));
        }, this::failed);
    }

    private String text(String f) {
        return values.get(f).get() == null ? "" : values.get(f).get().strip();
    }

    private void failed(NodeClientException e) {
        errors.values().forEach(x -> x.set(""));
        String f = e.fieldName().orElse("");
        if (errors.containsKey(f)) {
            errors.get(f).set(e.getMessage());
            error.set("");
        } else {
            error.set(session.explain(e));
        }
    }
}
