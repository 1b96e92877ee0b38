package io.lodestar.app.shell;

import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What a navigation entry shows until its screen is built: its name and a plain "coming later". */
final class ComingSoonPane extends VBox {

    ComingSoonPane(Messages m, Screen screen) {
        getStyleClass().addAll(Styles.SCREEN, Styles.SOON);
        setAlignment(Pos.CENTER);
        setSpacing(8);
        Label title = new Label(m.get(screen.key()));
        title.getStyleClass().add(Styles.TITLE);
        Label text = new Label(m.get("soon.text"));
        text.setId("comingSoon");
        text.setWrapText(true);
        Label hint = new Label(m.get("soon.hint"));
        hint.getStyleClass().add(Styles.HINT);
        hint.setWrapText(true);
        getChildren().addAll(title, text, hint);
    }
}
