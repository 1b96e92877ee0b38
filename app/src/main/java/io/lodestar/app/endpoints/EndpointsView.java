package io.lodestar.app.endpoints;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.FieldErrors;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Polling;
import io.lodestar.app.ui.Styles;
import java.util.List;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Endpoints per domain: domain chooser, the add row, bulk paste, the editable table with live status. */
public final class EndpointsView extends VBox {

    private final Timeline poll;

    public EndpointsView(Session session, EndpointsViewModel vm) {
        Messages m = session.messages();
        getStyleClass().add(Styles.SCREEN);
        setSpacing(10);
        setPadding(new Insets(16));
        Label title = new Label(m.get("endpoints.title"));
        title.getStyleClass().add(Styles.TITLE);

        ComboBox<String> domain = new ComboBox<>(session.domains());
        domain.setId("endpointsDomain");
        domain.valueProperty().bindBidirectional(session.domainProperty());
        HBox top = new HBox(8, new Label(m.get("common.domain")), domain);
        top.setAlignment(Pos.CENTER_LEFT);

        NewEndpointForm f = vm.form();
        TextField value = field("newValue", m.get("endpoints.new.value"), f.valueProperty(), 16);
        ChoiceBox<String> type = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList("A", "AAAA", "CNAME"));
        type.setId("newType");
        type.valueProperty().bindBidirectional(f.typeProperty());
        TextField area = field("newArea", m.get("endpoints.new.area"), f.areaProperty(), 11);
        TextField isp = field("newIsp", m.get("endpoints.new.isp"), f.ispProperty(), 6);
        TextField tag = field("newTag", m.get("endpoints.new.tags"), f.tagProperty(), 8);
        TextField weight = field("newWeight", m.get("endpoints.new.weight"), f.weightProperty(), 4);
        Button add = new Button(m.get("endpoints.add"));
        add.setId("addEndpoint");
        add.setOnAction(e -> vm.add());
        HBox addRow = new HBox(6, value, type, area, isp, tag, weight, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        FieldErrors fieldErrors = new FieldErrors();
        VBox addErrors = new VBox(2);
        java.util.Map<String, javafx.scene.control.Control> inputs = java.util.Map.of("endpoint", value, "type", type,
                "area", area, "isp", isp, "tag", tag, "weight", weight);
        for (String name : NewEndpointForm.FIELDS) {
            addErrors.getChildren().add(fieldErrors.bind(inputs.get(name), f.error(name), "new-" + name + "-error"));
        }
        addRow.disableProperty().bind(session.readOnlyProperty().or(session.domainProperty().isEmpty()));
        Label addHint = new Label(m.get("endpoints.new.hint"));
        addHint.getStyleClass().add(Styles.HINT);

        TextArea paste = new TextArea();
        paste.setId("pasteArea");
        paste.setPromptText(m.get("endpoints.paste.prompt"));
        paste.setPrefRowCount(3);
        Button addPasted = new Button(m.get("endpoints.paste.add"));
        addPasted.setOnAction(e -> {
            vm.addPasted(paste.getText());
            paste.clear();
        });
        TitledPane bulk = new TitledPane(m.get("endpoints.paste.title"), new VBox(6, paste, addPasted));
        bulk.setExpanded(false);
        bulk.disableProperty().bind(addRow.disableProperty());

        EndpointsTable table = new EndpointsTable(session, vm);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button delete = new Button(m.get("endpoints.delete"));
        delete.setId("deleteEndpoint");
        delete.disableProperty().bind(session.readOnlyProperty().or(table.getSelectionModel().selectedItemProperty().isNull()));
        delete.setOnAction(e -> vm.delete(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button regen = new Button(m.get("endpoints.inUse.regenerate"));
        regen.setId("deleteRegenerating");
        regen.setOnAction(e -> vm.deleteRegeneratingStrategy());
        Button keep = new Button(m.get("endpoints.inUse.keep"));
        keep.setOnAction(e -> vm.keepInUse());
        HBox inUse = new HBox(8, new Label(m.get("endpoints.inUse.question")), regen, keep);
        inUse.setAlignment(Pos.CENTER_LEFT);
        inUse.visibleProperty().bind(vm.inUseProperty());
        inUse.managedProperty().bind(vm.inUseProperty());

        Label error = new Label();
        error.setId("endpointsError");
        error.getStyleClass().add(Styles.ERROR);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());

        getChildren().addAll(title, top, addRow, addErrors, addHint, bulk, error, inUse, table, new HBox(8, delete));
        poll = Polling.whileShown(this, Duration.seconds(2), vm::refreshHealth);
        vm.load();
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty p, int columns) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.setPrefColumnCount(columns);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    /** Stops polling health (the shell dropped this screen). */
    public void dispose() {
        poll.stop();
    }
}
