package io.lodestar.app.map;

import io.lodestar.app.ui.Messages;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What a map screen shows its frames with: the layout, the words, the endpoint colours and the
 * chosen ISP. One per screen (the schedule map and the history each have theirs).
 */
public final class MapChoice {

    private final MapLayout layout;
    private final MapText text;
    private final EndpointPalette palette = new EndpointPalette();
    private final StringProperty isp = new SimpleStringProperty(MapLayout.ALL);

    public MapChoice(MapLayout layout, Messages messages) {
        this.layout = layout;
        this.text = new MapText(layout, messages);
    }

    public MapLayout layout() {
        return layout;
    }

    public MapText text() {
        return text;
    }

    public EndpointPalette palette() {
        return palette;
    }

    /** The ISP choice: {@code all} or an ISP code. */
    public StringProperty ispProperty() {
        return isp;
    }

    /** The index of the ISP choice in {@link MapLayout#ispChoices()}. */
    public int ispChoice() {
        return Math.max(0, layout.ispChoice(isp.get()));
    }
}
