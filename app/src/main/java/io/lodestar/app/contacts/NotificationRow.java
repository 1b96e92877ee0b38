package io.lodestar.app.contacts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One contact group's line in a domain's notification settings: which events it hears. */
public final class NotificationRow {

    /** The node's event kinds, in the order the table shows them. */
    public static final List<String> KINDS = List.of("endpoint_down", "endpoint_up", "all_down", "published", "ramp", "drill");

    private final String group;
    private final Map<String, BooleanProperty> hears = new LinkedHashMap<>();

    public NotificationRow(String group, Collection<String> kinds) {
        this.group = group;
        for (String k : KINDS) {
            hears.put(k, new SimpleBooleanProperty(kinds.contains(k)));
        }
    }

    public String group() {
        return group;
    }

    public BooleanProperty hears(String kind) {
        return hears.get(kind);
    }

    /** The kinds ticked, in {@link #KINDS} order. */
    public List<String> kinds() {
        return KINDS.stream().filter(k -> hears.get(k).get()).toList();
    }
}
