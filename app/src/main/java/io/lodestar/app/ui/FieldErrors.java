package io.lodestar.app.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * A form field's message, shown twice: as a ControlsFX error decoration on the input (its tooltip
 * says the message) and as a label beside it. The message comes from the view model: typing
 * feedback, or the node's refusal naming that field.
 */
public final class FieldErrors {

    private final ValidationSupport support = new ValidationSupport();

    /** Decorates {@code input} while {@code error} is not empty; answers the label to put beside it. */
    public Label bind(Control input, ObservableValue<String> error, String id) {
        support.registerValidator(input, false,
                (Control c, Object v) -> ValidationResult.fromErrorIf(c, error.getValue(), !error.getValue().isEmpty()));
        error.addListener(o -> support.revalidate(input));
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(Styles.FIELD_ERROR);
        l.textProperty().bind(error);
        l.setWrapText(true);
        l.managedProperty().bind(error.map(e -> !e.isEmpty()));
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }
}
