package io.lodestar.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A place a domain can send users to (seed: 端点).
 *
 * @param domain     owning domain
 * @param value      address or CNAME target; its text is the endpoint's identity within the domain
 * @param area       area code (catalogue), e.g. {@code beijing.CN}
 * @param isp        ISP code, e.g. {@code ct}
 * @param tags       free labels (seed: split on {@code ;})
 * @param weight     default weight when the endpoint is placed in a weighted rule, ≥ 0
 * @param enable     false: never answered, as if absent
 * @param evalHealth false: never probed, always counts as up
 */
public record Endpoint(String domain, EndpointValue value, String area, String isp, List<String> tags,
                       int weight, boolean enable, boolean evalHealth) {

    public static final int DEFAULT_WEIGHT = 1;

    public Endpoint {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(isp, "isp");
        tags = List.copyOf(tags);
        if (weight < 0) {
            throw new IllegalArgumentException("weight < 0");
        }
    }

    public EndpointType type() {
        return value.type();
    }

    /** The endpoint's identity within its domain (seed: {@code endpoint} / {@code value}). */
    public String key() {
        return value.text();
    }

    /** Tags joined the seed's way. */
    public String tagText() {
        return String.join(";", tags);
    }
}
