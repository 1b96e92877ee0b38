package io.lodestar.app.strategy;

import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import io.lodestar.engine.strategy.RuleType;
import io.lodestar.resources.region.Area;
import io.lodestar.resources.region.AreaKind;
import io.lodestar.resources.region.Regions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The selected node's properties: a rule's name, type, area, ISP and enable; the item above it
 * (weight, priority, user groups — chosen as province × ISP checkboxes, or the default group).
 * "Apply" makes one undoable edit of each kind that changed; edits show on the canvas at once.
 */
final class PropertiesSheet extends VBox {

    private static final List<String> ISPS = List.of("ct", "cu", "cm", "cernet", "cbn", "other", "*");

    private final StrategyViewModel vm;
    private final TextField name = field("propName");
    private final ChoiceBox<RuleType> type = new ChoiceBox<>();
    private final ComboBox<String> area = new ComboBox<>();
    private final ComboBox<String> isp = new ComboBox<>();
    private final CheckBox enable = new CheckBox();
    private final TextField weight = field("propWeight");
    private final TextField priority = field("propPriority");
    private final TextField usersets = field("propUsersets");
    private final CheckBox defaultGroup = new CheckBox();
    private final List<CheckBox> grid = new ArrayList<>();
    private final VBox ruleBox;
    private final VBox itemBox;
    private final Label title = new Label();
    private boolean filling;

    PropertiesSheet(StrategyViewModel vm, Messages m, Regions regions, ObservableBooleanValue readOnly) {
        this.vm = vm;
        setId("propertiesSheet");
        setSpacing(6);
        setPadding(new Insets(8));
        title.getStyleClass().add(Styles.TITLE);
        type.getItems().setAll(RuleType.values());
        type.setId("propType");
        type.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RuleType t) {
                return t == null ? "" : m.get("editor.rule." + t.wire());
            }

            @Override
            public RuleType fromString(String s) {
                return null;
            }
        });
        regions.areas().forEach(a -> area.getItems().add(a.code()));
        regions.isps().forEach(i -> isp.getItems().add(i.code()));
        area.setId("propArea");
        isp.setId("propIsp");
        enable.setText(m.get("editor.prop.enable"));
        GridPane rule = new GridPane();
        rule.setHgap(6);
        rule.setVgap(4);
        rule.addRow(0, new Label(m.get("editor.prop.name")), name);
        rule.addRow(1, new Label(m.get("editor.prop.type")), type);
        rule.addRow(2, new Label(m.get("editor.prop.area")), area);
        rule.addRow(3, new Label(m.get("editor.prop.isp")), isp);
        rule.add(enable, 1, 4);
        ruleBox = new VBox(4, rule);
        GridPane item = new GridPane();
        item.setHgap(6);
        item.setVgap(4);
        item.addRow(0, new Label(m.get("editor.prop.weight")), weight);
        item.addRow(1, new Label(m.get("editor.prop.priority")), priority);
        item.addRow(2, new Label(m.get("editor.prop.usersets")), usersets);
        defaultGroup.setText(m.get("editor.prop.defaultGroup"));
        defaultGroup.setId("propDefaultGroup");
        item.add(defaultGroup, 1, 3);
        ScrollPane gridScroll = new ScrollPane(groupGrid(regions));
        gridScroll.setPrefViewportHeight(220);
        TitledPane groups = new TitledPane(m.get("editor.prop.groupGrid"), gridScroll);
        groups.setExpanded(false);
        groups.setId("groupGrid");
        itemBox = new VBox(4, new Label(m.get("editor.prop.item")), item, groups);
        Button apply = new Button(m.get("editor.apply"));
        apply.setId("applyProps");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> apply());
        apply.disableProperty().bind(vm.selectedProperty().isEmpty().or(readOnly));
        getChildren().addAll(new javafx.scene.layout.HBox(8, title, apply), ruleBox, itemBox);
        usersets.textProperty().addListener((o, a, t) -> syncGrid());
        defaultGroup.selectedProperty().addListener((o, a, on) -> {
            if (on && !filling) {
                usersets.setText("");
            }
        });
        vm.selectedProperty().addListener((o, a, s) -> fill());
        vm.draftProperty().addListener((o, a, d) -> fill());
        fill();
    }

    private static TextField field(String id) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(12);
        return t;
    }

    private GridPane groupGrid(Regions regions) {
        GridPane g = new GridPane();
        g.setHgap(4);
        g.setVgap(2);
        for (int c = 0; c < ISPS.size(); c++) {
            g.add(new Label(ISPS.get(c)), c + 1, 0);
        }
        int row = 1;
        for (Area a : regions.areas()) {
            if (a.kind() != AreaKind.PROVINCE && a.kind() != AreaKind.MAINLAND_OTHER) {
                continue;
            }
            g.add(new Label(a.nameZh()), 0, row);
            for (int c = 0; c < ISPS.size(); c++) {
                CheckBox box = new CheckBox();
                String term = a.code() + "/" + ISPS.get(c);
                box.setUserData(term);
                box.setId("group-" + a.code().replace('.', '_') + "-" + ISPS.get(c).replace("*", "all"));
                box.selectedProperty().addListener((o, was, on) -> toggle(term, on));
                grid.add(box);
                g.add(box, c + 1, row);
            }
            row++;
        }
        return g;
    }

    private Set<String> terms() {
        Set<String> s = new LinkedHashSet<>();
        Arrays.stream(usersets.getText().split(";")).map(String::trim).filter(t -> !t.isEmpty()).forEach(s::add);
        return s;
    }

    private void toggle(String term, boolean on) {
        if (filling) {
            return;
        }
        Set<String> s = terms();
        if (on) {
            s.add(term);
        } else {
            s.remove(term);
        }
        usersets.setText(String.join(";", s));
    }

    private void syncGrid() {
        boolean was = filling;
        filling = true;
        Set<String> s = terms();
        grid.forEach(b -> b.setSelected(s.contains((String) b.getUserData())));
        defaultGroup.setSelected(s.isEmpty());
        filling = was;
    }

    private void fill() {
        Draft d = vm.draftProperty().get();
        String id = vm.selectedProperty().get();
        DraftNode n = id.isEmpty() ? null : d.node(id).orElse(null);
        filling = true;
        title.setText(n == null ? "" : n.name());
        ruleBox.setVisible(n != null && !n.endpoint());
        ruleBox.setManaged(ruleBox.isVisible());
        itemBox.setVisible(n != null && d.parentOf(id).isPresent());
        itemBox.setManaged(itemBox.isVisible());
        if (n != null) {
            name.setText(n.name());
            type.setValue(n.type());
            area.setValue(n.area());
            isp.setValue(n.isp());
            enable.setSelected(n.enable());
            weight.setText(Integer.toString(n.weight()));
            priority.setText(Integer.toString(n.priority()));
            usersets.setText(n.usersets());
        }
        filling = false;
        syncGrid();
    }

    private void apply() {
        String id = vm.selectedProperty().get();
        DraftNode n = vm.draftProperty().get().node(id).orElse(null);
        if (n == null) {
            return;
        }
        // read every field first: each edit redraws and refills the sheet
        Edit rule = new Edit.EditRule(id, name.getText().trim(), type.getValue(),
                area.getValue() == null ? n.area() : area.getValue(), isp.getValue() == null ? n.isp() : isp.getValue(),
                enable.isSelected());
        Edit item;
        try {
            item = new Edit.EditItem(id, Integer.parseInt(weight.getText().trim()),
                    Integer.parseInt(priority.getText().trim()), usersets.getText());
        } catch (NumberFormatException e) {
            item = new Edit.EditItem(id, -1, -1, "");
        }
        if (!n.endpoint() && !vm.edit(rule).ok()) {
            return;
        }
        if (vm.draftProperty().get().parentOf(id).isPresent()) {
            vm.edit(item);
        }
    }
}
