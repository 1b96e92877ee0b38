package io.lodestar.app.contacts;

import io.lodestar.app.shell.Session;
import io.lodestar.app.ui.FieldErrors;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The node's SMTP server for alert e-mail, folded away until opened (a full token's setting). */
final class MailServerPane extends TitledPane {

    MailServerPane(Session session, MailServerViewModel vm) {
        Messages m = session.messages();
        setText(m.get("mail.title"));
        setId("mailPane");
        setExpanded(false);
        FieldErrors fieldErrors = new FieldErrors();
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(3);
        int col = 0;
        int row = 0;
        for (String f : MailServerViewModel.FIELDS) {
            Control input;
            if (f.equals("security")) {
                ChoiceBox<String> c = new ChoiceBox<>(FXCollections.observableArrayList("none", "starttls", "ssl"));
                c.valueProperty().bindBidirectional(vm.value(f));
                input = c;
            } else {
                TextField t = f.equals("password") ? new PasswordField() : new TextField();
                t.textProperty().bindBidirectional(vm.value(f));
                t.setPrefColumnCount(f.equals("port") ? 5 : 14);
                input = t;
            }
            input.setId("mail-" + f);
            input.disableProperty().bind(vm.allowedProperty().not().or(session.readOnlyProperty()));
            form.add(new Label(m.get("mail.field." + f)), col, row);
            form.add(input, col + 1, row);
            form.add(fieldErrors.bind(input, vm.error(f), "mail-" + f + "-error"), col + 1, row + 1);
            col += 2;
            if (col == 6) {
                col = 0;
                row += 2;
            }
        }
        Button save = new Button(m.get("mail.save"));
        save.setId("saveMail");
        save.disableProperty().bind(vm.allowedProperty().not().or(session.readOnlyProperty()));
        save.setOnAction(e -> vm.save());
        Label state = new Label();
        state.setId("mailState");
        state.getStyleClass().add(Styles.HINT);
        state.textProperty().bind(vm.stateProperty());
        Label error = new Label();
        error.getStyleClass().add(Styles.ERROR);
        error.textProperty().bind(vm.errorProperty());
        HBox actions = new HBox(8, save, state, error);
        actions.setAlignment(Pos.CENTER_LEFT);
        setContent(new VBox(6, form, actions));
        expandedProperty().addListener((o, a, open) -> {
            if (open) {
                vm.load();
            }
        });
    }
}
