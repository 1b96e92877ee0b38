package io.lodestar.app.traffic;

import io.lodestar.app.shell.Session;
import io.lodestar.app.traffic.ProvidersViewModel.Field;
import io.lodestar.app.traffic.ProvidersViewModel.ProviderRow;
import io.lodestar.app.traffic.ProvidersViewModel.RuleRow;
import io.lodestar.app.ui.FieldErrors;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The multi-CDN providers section of the Traffic screen: the policy's state with enable / disable /
 * delete, the providers (default marked) beside their form, the rules beside theirs. Messages from
 * the node show beside the field they name.
 */
final class ProvidersPane extends VBox {

    private final FieldErrors fieldErrors = new FieldErrors();

    ProvidersPane(Session session, ProvidersViewModel vm) {
        super(8);
        Messages m = session.messages();
        ObservableBooleanValue readOnly = session.readOnlyProperty();
        getChildren().addAll(policy(m, vm, readOnly), providers(m, vm, readOnly), rules(session, m, vm, readOnly),
                styled(TrafficView.text(vm.errorProperty(), "providersError"), Styles.ERROR));
    }

    private Node policy(Messages m, ProvidersViewModel vm, ObservableBooleanValue readOnly) {
        Label state = new Label();
        state.setId("providersState");
        state.setWrapText(true);
        state.textProperty().bind(vm.stateProperty());
        state.getStyleClass().add(Styles.SUBTITLE);
        Button toggle = new Button();
        toggle.setId("toggleProviders");
        toggle.textProperty().bind(Bindings.when(vm.enabledProperty())
                .then(m.get("providers.disable")).otherwise(m.get("providers.enable")));
        toggle.disableProperty().bind(Bindings.createBooleanBinding(() -> readOnly.get() || !vm.existsProperty().get(),
                readOnly, vm.existsProperty()));
        toggle.setOnAction(e -> vm.toggleEnabled());
        Button delete = new Button(m.get("providers.delete"));
        delete.setId("deleteProviders");
        delete.disableProperty().bind(toggle.disableProperty().or(vm.enabledProperty()));
        delete.setOnAction(e -> vm.deletePolicy());
        HBox row = new HBox(8, toggle, delete, hint(m.get("providers.policy.hint")));
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, state, row, styled(TrafficView.text(vm.error(Field.POLICY), "providers-policy-error"), Styles.FIELD_ERROR));
    }

    private Node providers(Messages m, ProvidersViewModel vm, ObservableBooleanValue readOnly) {
        TableView<ProviderRow> table = new TableView<>(vm.providers());
        table.setId("providersTable");
        table.setPlaceholder(new Label(m.get("providers.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(m.get("providers.col.name"), ProviderRow::name, 120));
        table.getColumns().add(column(m.get("providers.col.endpoint"), ProviderRow::endpoint, 200));
        table.getColumns().add(column(m.get("providers.col.default"), r -> r.isDefault() ? "★ " + m.get("providers.default") : "", 90));
        table.setPrefHeight(130);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                vm.editProvider(r);
            }
        });
        Button delete = new Button(m.get("providers.provider.delete"));
        delete.setId("deleteProvider");
        delete.disableProperty().bind(Bindings.createBooleanBinding(() -> readOnly.get()
                || table.getSelectionModel().getSelectedItem() == null, readOnly, table.getSelectionModel().selectedItemProperty()));
        delete.setOnAction(e -> vm.deleteProvider(table.getSelectionModel().getSelectedItem()));
        Button fresh = new Button(m.get("providers.provider.new"));
        fresh.setId("newProvider");
        fresh.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            vm.newProvider();
        });
        VBox left = new VBox(4, table, new HBox(8, fresh, delete),
                styled(TrafficView.text(vm.error(Field.PROVIDERS), "providers-list-error"), Styles.FIELD_ERROR));
        HBox.setHgrow(left, Priority.ALWAYS);

        TextField name = new TextField();
        name.setId("providerName");
        name.setPromptText(m.get("providers.provider.name"));
        name.textProperty().bindBidirectional(vm.nameProperty());
        ComboBox<String> endpoint = new ComboBox<>(vm.endpoints());
        endpoint.setId("providerEndpoint");
        endpoint.setEditable(true);
        endpoint.setPromptText(m.get("providers.provider.endpoint"));
        endpoint.setPrefWidth(220);
        endpoint.valueProperty().bindBidirectional(vm.endpointProperty());
        endpoint.getEditor().textProperty().addListener((o, a, t) -> vm.endpointProperty().set(t));
        CheckBox dflt = new CheckBox(m.get("providers.provider.default"));
        dflt.setId("providerDefault");
        dflt.selectedProperty().bindBidirectional(vm.makeDefaultProperty());
        Button save = new Button(m.get("providers.provider.save"));
        save.setId("saveProvider");
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> readOnly.get() || vm.nameProperty().get().isBlank(),
                readOnly, vm.nameProperty()));
        save.setOnAction(e -> vm.saveProvider());
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, label(m.get("providers.provider.name")), name);
        form.add(fieldErrors.bind(name, vm.error(Field.NAME), "provider-name-error"), 1, 1);
        form.addRow(2, label(m.get("providers.provider.endpoint")), endpoint);
        form.add(fieldErrors.bind(endpoint, vm.error(Field.ENDPOINT), "provider-endpoint-error"), 1, 3);
        form.add(dflt, 1, 4);
        form.add(save, 1, 5);
        form.add(hint(m.get("providers.provider.hint")), 0, 6, 2, 1);
        form.setMaxWidth(380);
        HBox box = new HBox(12, left, form);
        return titled(m.get("providers.providers.title"), box);
    }

    private Node rules(Session session, Messages m, ProvidersViewModel vm, ObservableBooleanValue readOnly) {
        TableView<RuleRow> table = new TableView<>(vm.rules());
        table.setId("providerRules");
        table.setPlaceholder(new Label(m.get("providers.rules.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(m.get("providers.col.users"), RuleRow::usersets, 200));
        table.getColumns().add(column(m.get("providers.col.targets"), RuleRow::targets, 200));
        table.setPrefHeight(110);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                vm.editRule(r.index());
            }
        });
        Button delete = new Button(m.get("providers.rule.delete"));
        delete.setId("deleteRule");
        delete.disableProperty().bind(Bindings.createBooleanBinding(() -> readOnly.get()
                || table.getSelectionModel().getSelectedItem() == null, readOnly, table.getSelectionModel().selectedItemProperty()));
        delete.setOnAction(e -> vm.deleteRule(table.getSelectionModel().getSelectedItem().index()));
        Button fresh = new Button(m.get("providers.rule.new"));
        fresh.setId("newRule");
        fresh.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            vm.newRule();
        });
        VBox left = new VBox(4, table, new HBox(8, fresh, delete));
        HBox.setHgrow(left, Priority.ALWAYS);

        TextField users = new TextField();
        users.setId("ruleUsers");
        users.setPromptText(m.get("providers.rule.users.prompt"));
        users.textProperty().bindBidirectional(vm.rule().usersetsProperty());
        FlowPane weights = new FlowPane(10, 4);
        weights.setId("ruleWeights");
        Runnable fill = () -> weights.getChildren().setAll(vm.rule().weights().stream().map(ProvidersPane::weight).toList());
        vm.rule().weights().addListener((ListChangeListener<RuleForm.WeightRow>) c -> fill.run());
        fill.run();
        Button save = new Button(m.get("providers.rule.save"));
        save.setId("saveRule");
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> readOnly.get() || vm.providers().isEmpty(),
                readOnly, vm.providers()));
        save.setOnAction(e -> vm.saveRule());
        VBox form = new VBox(4, new Label(m.get("providers.rule.users")), users, picker(session, m, vm),
                fieldErrors.bind(users, vm.error(Field.USERS), "rule-users-error"),
                new Label(m.get("providers.rule.weights")), weights,
                styled(TrafficView.text(vm.error(Field.WEIGHTS), "rule-weights-error"), Styles.FIELD_ERROR), save, hint(m.get("providers.rule.hint")));
        form.setPrefWidth(380);
        form.setMaxWidth(380);
        return titled(m.get("providers.rules.title"), new HBox(12, left, form));
    }

    /** Region kind, area and ISP from the catalogue; "Add" appends the term to the rule's users. */
    private static Node picker(Session session, Messages m, ProvidersViewModel vm) {
        RegionTerms terms = new RegionTerms(session.regions(), m.locale().getLanguage().equals("zh"));
        ChoiceBox<RegionTerms.Kind> kind = new ChoiceBox<>(FXCollections.observableArrayList(RegionTerms.Kind.values()));
        kind.setId("ruleKind");
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(RegionTerms.Kind k) {
                return k == null ? "" : m.get(k.key());
            }

            @Override
            public RegionTerms.Kind fromString(String s) {
                return null;
            }
        });
        ComboBox<RegionTerms.Choice> area = new ComboBox<>();
        area.setId("ruleArea");
        area.setPrefWidth(140);
        area.setPromptText(m.get("providers.rule.area"));
        ComboBox<RegionTerms.Choice> isp = new ComboBox<>(FXCollections.observableArrayList(terms.isps()));
        isp.setId("ruleIsp");
        isp.setPrefWidth(100);
        isp.setPromptText(m.get("providers.rule.isp"));
        kind.valueProperty().addListener((o, a, k) -> {
            area.getItems().setAll(terms.areas(k));
            area.setDisable(!k.needsArea());
            isp.setDisable(!k.needsIsp());
        });
        kind.setValue(RegionTerms.Kind.PROVINCE);
        Button add = new Button(m.get("providers.rule.addTerm"));
        add.setId("addTerm");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(e -> vm.addTerm(RegionTerms.term(kind.getValue(),
                area.getValue() == null ? "" : area.getValue().code(), isp.getValue() == null ? "" : isp.getValue().code())));
        HBox row = new HBox(4, kind, area, isp, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Node weight(RuleForm.WeightRow w) {
        TextField f = new TextField();
        f.setId("weight-" + w.provider());
        f.setPrefColumnCount(3);
        f.setPromptText("–");
        f.textProperty().bindBidirectional(w.weight());
        HBox b = new HBox(4, new Label(w.provider()), f);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    private static Label label(String s) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Node titled(String title, Node content) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.SUBTITLE);
        return new VBox(4, t, content);
    }

    private static Label styled(Label l, String style) {
        l.getStyleClass().add(style);
        return l;
    }

    private static Label hint(String s) {
        return TrafficView.hint(s);
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> f, double width) {
        return TrafficView.column(title, f, width);
    }
}
