package io.lodestar.app.contacts;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.engine.api.client.ContactGroupInfo;
import io.lodestar.engine.api.client.ContactInfo;
import io.lodestar.engine.api.client.DeliveryInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Contacts and contact groups: lists, one form for a contact and one for a group, delete, and "send
 * test" to a contact or a whole group with each channel's outcome. Typing gives quick hints (an
 * e-mail needs an {@code @}, a webhook is an http(s) URL); the node decides, and its refusal is shown
 * beside the field it names while every typed value stays.
 */
public final class ContactsViewModel {

    /** The contact form's fields; the names are the API's. */
    public static final List<String> FIELDS = List.of("name", "email", "phone", "webhook");

    private final Session session;
    private final Messages m;
    private final ObservableList<ContactInfo> contacts = FXCollections.observableArrayList();
    private final ObservableList<String> contactNames = FXCollections.observableArrayList();
    private final ObservableList<ContactGroupInfo> groups = FXCollections.observableArrayList();
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final StringProperty groupName = new SimpleStringProperty("");
    private final StringProperty groupNameError = new SimpleStringProperty("");
    private final StringProperty membersError = new SimpleStringProperty("");
    private final ObservableList<String> members = FXCollections.observableArrayList();
    private final ObservableList<DeliveryInfo> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper testState = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public ContactsViewModel(Session session) {
        this.session = session;
        this.m = session.messages();
        for (String f : FIELDS) {
            values.put(f, new SimpleStringProperty(""));
            errors.put(f, new SimpleStringProperty(""));
        }
        values.get("email").addListener((o, a, v) -> hint("email", !v.isBlank() && !v.contains("@"), "contacts.hint.email"));
        values.get("webhook").addListener((o, a, v) -> hint("webhook",
                !v.isBlank() && !v.strip().matches("(?i)https?://\\S+"), "contacts.hint.webhook"));
        groupName.addListener((o, a, v) -> groupNameError.set(""));
        members.addListener((javafx.collections.ListChangeListener<String>) c -> membersError.set(""));
    }

    private void hint(String field, boolean wrong, String key) {
        errors.get(field).set(wrong ? m.get(key) : "");
    }

    public ObservableList<ContactInfo> contacts() {
        return contacts;
    }

    /** The contacts' names, for the group's member chooser. */
    public ObservableList<String> contactNames() {
        return contactNames;
    }

    public ObservableList<ContactGroupInfo> groups() {
        return groups;
    }

    public StringProperty value(String field) {
        return values.get(field);
    }

    /** The message beside {@code field}: a typing hint, or the node's refusal naming it. */
    public StringProperty error(String field) {
        return errors.get(field);
    }

    public StringProperty groupNameProperty() {
        return groupName;
    }

    public StringProperty groupNameErrorProperty() {
        return groupNameError;
    }

    public StringProperty membersErrorProperty() {
        return membersError;
    }

    /** The members checked in the group form. */
    public ObservableList<String> members() {
        return members;
    }

    /** The last "send test": one line per channel of each contact. */
    public ObservableList<DeliveryInfo> results() {
        return results;
    }

    /** "Sending…", "2 of 3 channels took the test alert", or empty. */
    public ReadOnlyStringProperty testStateProperty() {
        return testState.getReadOnlyProperty();
    }

    /** A refusal that names no field of a form, or an unreachable node. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void load() {
        NodeClient c = session.client();
        session.tasks().run(() -> new Lists(c.contacts(), c.contactGroups()), l -> {
            contacts.setAll(l.contacts());
            contactNames.setAll(l.contacts().stream().map(ContactInfo::name).toList());
            groups.setAll(l.groups());
        }, this::failed);
    }

    private record Lists(List<ContactInfo> contacts, List<ContactGroupInfo> groups) {
    }

    /** Puts {@code c} in the contact form to edit it. */
    public void edit(ContactInfo c) {
        values.get("name").set(c.name());
        values.get("email").set(c.email());
        values.get("phone").set(c.phone());
        values.get("webhook").set(c.webhook());
        errors.values().forEach(e -> e.set(""));
    }

    /** An empty contact form. */
    public void clearContact() {
        values.values().forEach(v -> v.set(""));
        errors.values().forEach(e -> e.set(""));
    }

    /** Adds the contact, or replaces the one of that name. */
    public void saveContact() {
        ContactInfo c = new ContactInfo(text("name"), text("email"), text("phone"), text("webhook"));
        NodeClient client = session.client();
        session.tasks().run(() -> client.putContact(c), saved -> {
            errors.values().forEach(e -> e.set(""));
            error.set("");
            load();
        }, e -> failed(e, errors));
    }

    private String text(String f) {
        return values.get(f).get().strip();
    }

    public void deleteContact(ContactInfo c) {
        NodeClient client = session.client();
        call(() -> {
            client.deleteContact(c.name());
            return true;
        });
    }

    /** Puts {@code g} in the group form to edit it. */
    public void editGroup(ContactGroupInfo g) {
        groupName.set(g.name());
        members.setAll(g.members());
        groupNameError.set("");
    }

    public void clearGroup() {
        groupName.set("");
        members.clear();
        groupNameError.set("");
    }

    /** Adds the group, or replaces its members. */
    public void saveGroup() {
        ContactGroupInfo g = new ContactGroupInfo(groupName.get().strip(), List.copyOf(members));
        NodeClient client = session.client();
        session.tasks().run(() -> client.putContactGroup(g), saved -> {
            groupNameError.set("");
            error.set("");
            load();
        }, e -> failed(e, Map.of("name", groupNameError, "members", membersError)));
    }

    public void deleteGroup(ContactGroupInfo g) {
        NodeClient client = session.client();
        call(() -> {
            client.deleteContactGroup(g.name());
            return true;
        });
    }

    /** Sends a test alert to every channel of the contact and lists how each went. */
    public void sendTest(ContactInfo c) {
        NodeClient client = session.client();
        test(() -> client.sendTest(c.name()));
    }

    /** Sends a test alert to every member of the group. */
    public void sendGroupTest(ContactGroupInfo g) {
        NodeClient client = session.client();
        test(() -> client.sendGroupTest(g.name()));
    }

    private void test(Callable<List<DeliveryInfo>> send) {
        results.clear();
        testState.set(m.get("contacts.test.sending"));
        session.tasks().run(send, list -> {
            results.setAll(list);
            error.set("");
            long ok = list.stream().filter(DeliveryInfo::ok).count();
            testState.set(list.isEmpty() ? m.get("contacts.test.noChannel") : m.get("contacts.test.done", ok, list.size()));
        }, e -> {
            testState.set("");
            failed(e);
        });
    }

    private void call(Callable<Boolean> work) {
        session.tasks().run(work, ok -> {
            error.set("");
            load();
        }, this::failed);
    }

    private void failed(NodeClientException e) {
        error.set(session.explain(e));
    }

    /** The refusal beside the field it names when the form has it, else under the forms; typed values stay. */
    private void failed(NodeClientException e, Map<String, StringProperty> fields) {
        fields.values().forEach(x -> x.set(""));
        String f = e.fieldName().orElse("");
        if (fields.containsKey(f)) {
            fields.get(f).set(e.getMessage());
            error.set("");
        } else {
            error.set(session.explain(e));
        }
    }
}
