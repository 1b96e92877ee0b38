package io.lodestar.app.strategy;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** One node on the canvas: name, kind (rule type or endpoint area/ISP) and the share it receives. */
final class NodeBox extends VBox {

    static final String NODE = "ls-tree-node";
    static final String RULE = "ls-tree-rule";
    static final String ENDPOINT = "ls-tree-endpoint";
    static final String SELECTED = "ls-tree-selected";
    static final String GREYED = "ls-tree-greyed";
    static final String PATH = "ls-tree-path";
    static final String DEAD = "ls-tree-dead";
    static final String DROP_OK = "ls-drop-ok";
    static final String DROP_REFUSED = "ls-drop-refused";

    private final String id;
    private final String traceName;
    private final String title;
    private final String kind;
    private final Label share = new Label();

    NodeBox(String id, String traceName, String title, String kind) {
        this.id = id;
        this.traceName = traceName;
        this.title = title;
        this.kind = kind;
        getStyleClass().add(NODE);
        Label t = new Label(title);
        t.getStyleClass().add("ls-tree-title");
        Label k = new Label(kind);
        k.getStyleClass().add("ls-tree-kind");
        share.getStyleClass().add("ls-tree-share");
        getChildren().addAll(t, k, share);
        setPrefSize(TreeLayout.NODE_W, TreeLayout.NODE_H);
        setMinSize(TreeLayout.NODE_W, TreeLayout.NODE_H);
        setMaxSize(TreeLayout.NODE_W, TreeLayout.NODE_H);
        setFocusTraversable(false);
    }

    String draftId() {
        return id;
    }

    String traceName() {
        return traceName;
    }

    String title() {
        return title;
    }

    String kind() {
        return kind;
    }

    void share(String text) {
        if (!text.equals(share.getText())) {
            share.setText(text);
        }
    }

    void mark(String style, boolean on) {
        if (on && !getStyleClass().contains(style)) {
            getStyleClass().add(style);
        } else if (!on) {
            getStyleClass().remove(style);
        }
    }
}
