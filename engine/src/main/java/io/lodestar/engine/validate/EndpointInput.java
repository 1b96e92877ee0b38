package io.lodestar.engine.validate;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.EndpointType;
import io.lodestar.engine.model.EndpointValue;
import io.lodestar.resources.region.Regions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An endpoint as a user typed it (seed fields: {@code endpoint}, {@code type}, {@code area},
 * {@code isp}, {@code tag}; Lodestar adds weight, enable, evalHealth). Null means "not given".
 */
public record EndpointInput(String endpoint, String type, String area, String isp, String tag,
                            Integer weight, Boolean enable, Boolean evalHealth) {

    public static final int MAX_TAGS = 32;
    public static final int MAX_TAG_LENGTH = 64;

    /** This input with every field it does not give taken from {@code existing} (a modify keeps what it does not name). */
    public EndpointInput over(Endpoint existing) {
        return new EndpointInput(endpoint, type == null ? existing.type().name() : type,
                area == null ? existing.area() : area, isp == null ? existing.isp() : isp,
                tag == null ? existing.tagText() : tag, weight == null ? existing.weight() : weight,
                enable == null ? existing.enable() : enable, evalHealth == null ? existing.evalHealth() : evalHealth);
    }

    /** Checks every field; the endpoint when all are valid, else empty with the errors added. */
    public Optional<Endpoint> toEndpoint(String domain, Regions regions, String path, Errors errors) {
        int before = errors.list().size();
        EndpointType t = null;
        String typeText = type == null ? "A" : type.trim().toUpperCase(Locale.ROOT);
        try {
            t = EndpointType.valueOf(typeText);
        } catch (IllegalArgumentException e) {
            errors.add(path + ".type", "type.unknown", "type must be A, AAAA or CNAME, was '" + type + "'");
        }
        Optional<EndpointValue> v = Optional.empty();
        if (endpoint == null || endpoint.isBlank()) {
            errors.add(path + ".endpoint", "endpoint.missing", "the endpoint's address or host name is required");
        } else if (t != null) {
            v = EndpointValue.parse(t, endpoint);
            if (v.isEmpty()) {
                errors.add(path + ".endpoint", "endpoint.invalid", "'" + endpoint + "' is not a valid "
                        + (t == EndpointType.A ? "IPv4 address" : t == EndpointType.AAAA ? "IPv6 address" : "host name"));
            }
        }
        String a = area == null ? "none.CN" : area.trim();
        if (regions.area(a).filter(x -> x.kind().leaf() || x.code().equals("none.abroad")).isEmpty()) {
            errors.add(path + ".area", "area.unknown", "unknown area '" + area + "' (see the region catalogue)");
        }
        String i = isp == null ? "other" : isp.trim();
        if (regions.isp(i).isEmpty()) {
            errors.add(path + ".isp", "isp.unknown", "unknown isp '" + isp + "' (ct, cu, cm, cernet, cbn, other)");
        }
        int w = weight == null ? Endpoint.DEFAULT_WEIGHT : weight;
        if (w < 0) {
            errors.add(path + ".weight", "weight.negative", "weight must be ≥ 0, was " + w);
        }
        List<String> tags = tag == null || tag.isBlank() ? List.of()
                : Arrays.stream(tag.split(";")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (tags.size() > MAX_TAGS) {
            errors.add(path + ".tag", "tag.tooMany", "at most " + MAX_TAGS + " tags");
        }
        if (tags.stream().anyMatch(s -> s.length() > MAX_TAG_LENGTH)) {
            errors.add(path + ".tag", "tag.tooLong", "a tag is at most " + MAX_TAG_LENGTH + " characters");
        }
        if (errors.list().size() > before || v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(domain, v.get(), a, i, tags, w,
                enable == null || enable, evalHealth == null || evalHealth));
    }
}
