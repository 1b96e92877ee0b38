package io.lodestar.app.traffic;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Subscriptions;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.NodeClientException;
import io.lodestar.engine.api.client.Traffic;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The session domain's multi-CDN providers (EdgeOne, docs/traffic.md): the providers with the
 * default marked, rules sending regions to providers by weight, and the policy's enable / disable /
 * delete. Every edit sends the whole document; the node checks it and a refusal is shown beside
 * the field its path names, with nothing changed.
 */
public final class ProvidersViewModel {

    /** Where a message shows: beside an input of the provider or rule form, the providers list, or the policy. */
    public enum Field { NAME, ENDPOINT, PROVIDERS, USERS, WEIGHTS, POLICY }

    /** A provider as the table shows it. */
    public record ProviderRow(String name, String endpoint, boolean isDefault) {
    }

    /** A rule as the table shows it: its users and "a ×3, b ×1". */
    public record RuleRow(int index, String usersets, String targets) {
    }

    private enum Form { PROVIDER, RULE, POLICY }

    private final Session session;
    private final Messages m;
    private final Subscriptions subs = new Subscriptions();
    private Optional<Traffic.Providers> doc = Optional.empty();
    private String docDomain = "";

    private final ReadOnlyBooleanWrapper exists = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Map<Field, StringProperty> errors = new EnumMap<>(Field.class);
    private final ObservableList<ProviderRow> providers = FXCollections.observableArrayList();
    private final ObservableList<RuleRow> rules = FXCollections.observableArrayList();
    private final ObservableList<String> endpoints = FXCollections.observableArrayList();

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final BooleanProperty makeDefault = new SimpleBooleanProperty(false);
    private String editingProvider = "";

    private final RuleForm rule = new RuleForm(() -> errors.get(Field.WEIGHTS).set(""));

    public ProvidersViewModel(Session session) {
        this.session = session;
        this.m = session.messages();
        for (Field f : Field.values()) {
            errors.put(f, new SimpleStringProperty(""));
        }
        name.addListener(o -> errors.get(Field.NAME).set(""));
        endpoint.addListener(o -> errors.get(Field.ENDPOINT).set(""));
        rule.usersetsProperty().addListener(o -> errors.get(Field.USERS).set(""));
        subs.listen(session.domainProperty(), (o, a, x) -> load());
    }

    private record Loaded(String domain, Optional<Traffic.Providers> doc, List<String> endpoints) {
    }

    /** Reads the domain's providers policy and endpoints; the forms keep what is typed unless the domain changed. */
    public void load() {
        String d = session.domain();
        if (d.isEmpty()) {
            return;
        }
        NodeClient c = session.client();
        session.tasks().run(() -> new Loaded(d, c.providers(d), c.endpoints(d).stream().map(EndpointInfo::endpoint).toList()),
                l -> {
                    if (!l.domain().equals(session.domain())) {
                        return;
                    }
                    if (!l.domain().equals(docDomain)) {
                        docDomain = l.domain();
                        newProvider();
                        newRule();
                    }
                    if (!endpoints.equals(l.endpoints())) {
                        endpoints.setAll(l.endpoints());
                    }
                    show(l.doc());
                }, this::failed);
    }

    private void show(Optional<Traffic.Providers> p) {
        doc = p;
        exists.set(p.isPresent());
        enabled.set(p.map(Traffic.Providers::enable).orElse(false));
        if (p.isEmpty()) {
            state.set(m.get("providers.state.none"));
        } else {
            state.set(m.get(p.get().enable() ? "providers.state.enabled" : "providers.state.disabled",
                    p.get().defaultProvider(), p.get().rules().size()));
        }
        List<ProviderRow> ps = p.map(x -> x.providers().stream()
                .map(v -> new ProviderRow(v.name(), v.endpoint(), v.name().equals(x.defaultProvider()))).toList()).orElse(List.of());
        if (!providers.equals(ps)) {
            providers.setAll(ps);
        }
        List<RuleRow> rs = new ArrayList<>();
        List<Traffic.RegionRule> list = p.map(Traffic.Providers::rules).orElse(List.of());
        for (int i = 0; i < list.size(); i++) {
            rs.add(new RuleRow(i, list.get(i).usersets(), targets(list.get(i))));
        }
        if (!rules.equals(rs)) {
            rules.setAll(rs);
        }
        rule.providers(ps.stream().map(ProviderRow::name).toList());
    }

    private static String targets(Traffic.RegionRule r) {
        return String.join(", ", r.targets().stream().map(t -> t.provider() + " ×" + t.weight()).toList());
    }

    // ---- providers ----

    /** Fills the provider form with {@code row} to edit it. */
    public void editProvider(ProviderRow row) {
        clearErrors();
        editingProvider = row.name();
        name.set(row.name());
        endpoint.set(row.endpoint());
        makeDefault.set(row.isDefault());
    }

    /** Empties the provider form for a new provider. */
    public void newProvider() {
        clearErrors();
        editingProvider = "";
        name.set("");
        endpoint.set("");
        makeDefault.set(false);
    }

    /**
     * Adds the typed provider or replaces the one being edited (a rename follows into the rules and
     * the default). The first provider of a domain becomes its default.
     */
    public void saveProvider() {
        String n = name.get().strip();
        Traffic.Provider typed = new Traffic.Provider(n, endpoint.get().strip());
        String was = editingProvider;
        put(Form.PROVIDER, p -> {
            List<Traffic.Provider> list = new ArrayList<>();
            boolean replaced = false;
            for (Traffic.Provider x : p.providers()) {
                replaced |= x.name().equals(was);
                list.add(x.name().equals(was) ? typed : x);
            }
            if (!replaced) {
                list.add(typed);
            }
            UnaryOperator<String> rename = s -> !was.isEmpty() && s.equals(was) ? n : s;
            String dflt = makeDefault.get() || p.providers().isEmpty() ? n : rename.apply(p.defaultProvider());
            List<Traffic.RegionRule> rs = p.rules().stream().map(r -> new Traffic.RegionRule(r.usersets(), r.targets().stream()
                    .map(t -> new Traffic.Target(rename.apply(t.provider()), t.weight())).toList())).toList();
            return new Traffic.Providers(p.enable(), dflt, list, rs);
        }, () -> editingProvider = n);
    }

    /** Removes a provider; the node refuses while it is the default or a rule's target, naming which. */
    public void deleteProvider(ProviderRow row) {
        put(Form.PROVIDER, p -> new Traffic.Providers(p.enable(), p.defaultProvider(),
                p.providers().stream().filter(x -> !x.name().equals(row.name())).toList(), p.rules()), this::newProvider);
    }

    // ---- rules ----

    /** Fills the rule form with rule {@code index} to edit it. */
    public void editRule(int index) {
        clearErrors();
        rule.edit(index, doc.orElseThrow().rules().get(index));
    }

    /** Empties the rule form for a new rule. */
    public void newRule() {
        clearErrors();
        rule.clear();
    }

    /** Appends a region term (see {@link RegionTerms}) to the users of the rule being edited. */
    public void addTerm(String term) {
        rule.addTerm(term);
    }

    /** Adds the typed rule or replaces the one being edited; weights must be whole numbers (blank: not a target). */
    public void saveRule() {
        Optional<Traffic.RegionRule> typed = rule.typed(p -> errors.get(Field.WEIGHTS).set(m.get("providers.rule.badWeight", p)));
        if (typed.isEmpty()) {
            return;
        }
        int at = rule.editing();
        put(Form.RULE, p -> {
            List<Traffic.RegionRule> rs = new ArrayList<>(p.rules());
            if (at >= 0 && at < rs.size()) {
                rs.set(at, typed.get());
            } else {
                rs.add(typed.get());
            }
            return new Traffic.Providers(p.enable(), p.defaultProvider(), p.providers(), rs);
        }, () -> rule.editing(at >= 0 ? at : rules.size() - 1));
    }

    public void deleteRule(int index) {
        put(Form.RULE, p -> {
            List<Traffic.RegionRule> rs = new ArrayList<>(p.rules());
            rs.remove(index);
            return new Traffic.Providers(p.enable(), p.defaultProvider(), p.providers(), rs);
        }, this::newRule);
    }

    // ---- the policy ----

    /** Enables a disabled policy, disables an enabled one (every user to the default provider). */
    public void toggleEnabled() {
        String d = session.domain();
        boolean enable = !enabled.get();
        NodeClient c = session.client();
        clearErrors();
        session.tasks().run(() -> c.enableProviders(d, enable), p -> shown(d, Optional.of(p)), e -> refused(Form.POLICY, e));
    }

    /** Deletes the policy; the node refuses while it is enabled. */
    public void deletePolicy() {
        String d = session.domain();
        NodeClient c = session.client();
        clearErrors();
        session.tasks().run(() -> {
            c.deleteProviders(d);
            return d;
        }, x -> shown(d, Optional.empty()), e -> refused(Form.POLICY, e));
    }

    /** Sends the current document changed by {@code edit}; on success runs {@code then}, on refusal changes nothing. */
    private void put(Form form, UnaryOperator<Traffic.Providers> edit, Runnable then) {
        String d = session.domain();
        Traffic.Providers before = doc.orElse(new Traffic.Providers(true, "", List.of(), List.of()));
        Traffic.Providers after = edit.apply(before);
        NodeClient c = session.client();
        clearErrors();
        session.tasks().run(() -> c.putProviders(d, after), p -> {
            if (shown(d, Optional.of(p))) {
                then.run();
            }
        }, e -> refused(form, e));
    }

    private boolean shown(String d, Optional<Traffic.Providers> p) {
        if (!d.equals(session.domain())) {
            return false;
        }
        show(p);
        error.set("");
        return true;
    }

    /** Shows the node's refusal beside the field its path names; the document shown stays as it was. */
    private void refused(Form form, NodeClientException e) {
        Optional<Field> f = e.field().map(path -> fieldOf(form, path));
        if (f.isPresent()) {
            errors.get(f.get()).set(session.explain(e));
        } else {
            error.set(session.explain(e));
        }
    }

    private static Field fieldOf(Form form, String path) {
        if (path.startsWith("providers[")) {
            return path.endsWith(".endpoint") ? Field.ENDPOINT : Field.NAME;
        }
        if (path.startsWith("rules[") && form == Form.RULE) {
            return path.endsWith(".usersets") ? Field.USERS : Field.WEIGHTS;
        }
        if (path.equals("enable") || form == Form.POLICY) {
            return Field.POLICY;
        }
        return Field.PROVIDERS;     // the default, or a provider a rule still uses
    }

    private void clearErrors() {
        errors.values().forEach(e -> e.set(""));
        error.set("");
    }

    private void failed(NodeClientException e) {
        error.set(session.explain(e));
    }

    /** The message beside {@code f}: the node's refusal naming it, or a typing problem. */
    public ReadOnlyStringProperty error(Field f) {
        return errors.get(f);
    }

    /** A refusal that names no field of this pane (e.g. the node is unreachable). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty existsProperty() {
        return exists.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled.getReadOnlyProperty();
    }

    public ObservableList<ProviderRow> providers() {
        return providers;
    }

    public ObservableList<RuleRow> rules() {
        return rules;
    }

    /** The domain's endpoints, to choose a provider's endpoint from (a CNAME must be added as an endpoint first). */
    public ObservableList<String> endpoints() {
        return endpoints;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public BooleanProperty makeDefaultProperty() {
        return makeDefault;
    }

    /** The rule form: users and a weight per provider. */
    public RuleForm rule() {
        return rule;
    }

    /** Stops following the session (the shell dropped this screen). */
    public void dispose() {
        subs.dispose();
    }
}
