package io.lodestar.app.ui;

import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Read-only text columns, the way every screen's tables show their records. */
public final class Tables {

    private Tables() {
    }

    /** A column whose text is coloured as health: {@code ok} rows green, the others red. */
    public static <T> TableColumn<T, String> outcomeColumn(String title, Function<T, String> f, Predicate<T> ok, double width) {
        TableColumn<T, String> c = column(title, f, width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                T row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                getStyleClass().removeIf(x -> x.startsWith("ls-health-"));
                if (row != null) {
                    getStyleClass().add(Styles.health(ok.test(row) ? "ok" : "fail"));
                }
            }
        });
        return c;
    }

    public static <T> TableColumn<T, String> column(String title, Function<T, String> f, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
