package io.lodestar.app.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One colour slot per endpoint, stable while the console shows a domain: the domain's endpoints in
 * their listed order first, then endpoints met only in history. Slots cycle through
 * {@link #SLOTS} theme colours ({@code ls-map-c0} … in the theme sheets). UI thread only.
 */
public final class EndpointPalette {

    public static final int SLOTS = 10;

    private final Map<String, Integer> slots = new LinkedHashMap<>();

    /** Starts over with these endpoints in this order. */
    public void reset(List<String> endpoints) {
        slots.clear();
        endpoints.forEach(this::slot);
    }

    /** The endpoint's slot, 0 … SLOTS-1; a new endpoint gets the next one. */
    public int slot(String endpoint) {
        return slots.computeIfAbsent(endpoint, e -> slots.size()) % SLOTS;
    }

    /** The style class of the endpoint's colour; {@code ls-map-none} for no answer. */
    public String styleClass(String endpoint) {
        return endpoint.isEmpty() ? "ls-map-none" : "ls-map-c" + slot(endpoint);
    }

    /** Endpoints with a slot, in slot order. */
    public List<String> endpoints() {
        return List.copyOf(slots.keySet());
    }
}
