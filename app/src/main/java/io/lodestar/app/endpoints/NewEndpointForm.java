package io.lodestar.app.endpoints;

import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.resources.ip.IpLocation;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "add an endpoint" row. Typing an IP address fills type, area and isp from the bundled IP
 * database at once (seed: 输入IP后，会自动识别出该IP的地区及运营商); they stay editable.
 */
public final class NewEndpointForm {

    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** The fields whose messages show beside them, by the API's names ({@code endpoint} is the value). */
    public static final java.util.List<String> FIELDS = java.util.List.of("endpoint", "type", "area", "isp", "tag", "weight");

    private final IpLocator locator;
    private final Optional<Regions> regions;
    private final java.util.Map<String, StringProperty> errors = new java.util.LinkedHashMap<>();
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty type = new SimpleStringProperty("A");
    private final StringProperty area = new SimpleStringProperty("");
    private final StringProperty isp = new SimpleStringProperty("");
    private final StringProperty tag = new SimpleStringProperty("");
    private final StringProperty weight = new SimpleStringProperty("1");

    /** A form without typing hints (bulk paste builds rows with it). */
    public NewEndpointForm(IpLocator locator) {
        this(locator, Optional.empty(), key -> "");
    }

    /**
     * A form whose area and isp are checked against the region catalogue as the user types, and whose
     * weight must be a whole number; {@code words} turns a message key into the user's language.
     */
    public NewEndpointForm(IpLocator locator, Optional<Regions> regions, java.util.function.Function<String, String> words) {
        this.locator = locator;
        this.regions = regions;
        FIELDS.forEach(f -> errors.put(f, new SimpleStringProperty("")));
        value.addListener((o, a, v) -> {
            errors.get("endpoint").set("");
            locate(v.strip()).ifPresent(l -> {
                type.set(v.contains(":") ? "AAAA" : "A");
                area.set(l.area());
                isp.set(l.isp());
            });
        });
        type.addListener((o, a, v) -> errors.get("type").set(""));
        tag.addListener((o, a, v) -> errors.get("tag").set(""));
        area.addListener((o, a, v) -> errors.get("area").set(regions.isPresent() && !v.isBlank()
                && regions.get().area(v.strip()).isEmpty() ? words.apply("endpoints.hint.area") : ""));
        isp.addListener((o, a, v) -> errors.get("isp").set(regions.isPresent() && !v.isBlank()
                && regions.get().isp(v.strip()).isEmpty() ? words.apply("endpoints.hint.isp") : ""));
        weight.addListener((o, a, v) -> errors.get("weight").set(v.strip().matches("\\d{1,9}") ? "" : words.apply("endpoints.hint.weight")));
    }

    /** The message beside {@code field} (an API name from {@link #FIELDS}): a typing hint or the node's refusal. */
    public StringProperty error(String field) {
        return errors.get(field);
    }

    /** Shows the node's refusal beside the field it names; false if this form has no such field. */
    boolean refused(String field, String message) {
        errors.values().forEach(e -> e.set(""));
        if (!errors.containsKey(field)) {
            return false;
        }
        errors.get(field).set(message);
        return true;
    }

    /**
     * Where the database places {@code text} if it is an IP literal; never a name lookup.
     */
    public Optional<IpLocation> locate(String text) {
        boolean v4 = V4.matcher(text).matches();
        boolean v6 = !v4 && text.indexOf(':') >= 0 && V6.matcher(text).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(locator.locate(InetAddress.getByName(text)));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The typed row for {@code domain}; a weight that is not a whole number goes as -1, which the node refuses naming the field. */
    public EndpointInfo toInfo(String domain) {
        int w;
        try {
            w = Integer.parseInt(weight.get().strip());
        } catch (NumberFormatException e) {
            w = -1;
        }
        return EndpointInfo.of(domain, value.get().strip(), type.get(), area.get().strip(), isp.get().strip(), tag.get().strip(), w, true, true);
    }

    void clear() {
        errors.values().forEach(e -> e.set(""));
        value.set("");
        type.set("A");
        area.set("");
        isp.set("");
        tag.set("");
        weight.set("1");
    }

    public StringProperty valueProperty() {
        return value;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty areaProperty() {
        return area;
    }

    public StringProperty ispProperty() {
        return isp;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public StringProperty weightProperty() {
        return weight;
    }
}
