package io.lodestar.engine.validate;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.EndpointType;
import io.lodestar.engine.strategy.Item;
import io.lodestar.engine.strategy.Rule;
import io.lodestar.engine.strategy.Strategy;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Rules that span a domain's records: names, the IPv4 rule, endpoints in use by the strategy. */
public final class DomainRules {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?|\\*");

    private DomainRules() {
    }

    /** A domain name as typed: lower-cased, final dot dropped; empty with an error if invalid. */
    public static Optional<String> domainName(String raw, String path, Errors errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(path, "domain.missing", "a domain name is required");
            return Optional.empty();
        }
        String n = raw.trim().toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        boolean ok = n.length() <= 253 && n.contains(".");
        for (String label : n.split("\\.", -1)) {
            ok &= LABEL.matcher(label).matches();
        }
        if (!ok) {
            errors.add(path, "domain.invalid", "'" + raw + "' is not a valid domain name");
            return Optional.empty();
        }
        return Optional.of(n);
    }

    /**
     * Seed rule (端点配置: 必须保证至少存在一个IPv4（A类型）的端点): a domain that answers with addresses
     * has at least one A endpoint. A domain of CNAME endpoints only (multi-CDN providers) is allowed.
     */
    public static void requireIpv4(List<Endpoint> endpoints, String path, Errors errors) {
        boolean anyAddress = endpoints.stream().anyMatch(e -> e.type() != EndpointType.CNAME);
        boolean anyV4 = endpoints.stream().anyMatch(e -> e.type() == EndpointType.A);
        if (anyAddress && !anyV4) {
            errors.add(path, "endpoints.noIpv4", "a domain needs at least one IPv4 (A) endpoint");
        }
    }

    /** Endpoint values unique within the domain. */
    public static void requireUnique(List<Endpoint> endpoints, String path, Errors errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < endpoints.size(); i++) {
            if (!seen.add(endpoints.get(i).key())) {
                errors.add(path + "[" + i + "].endpoint", "endpoint.duplicate",
                        "endpoint '" + endpoints.get(i).key() + "' is listed twice");
            }
        }
    }

    /** The rule using an endpoint, if any (the seed refuses to delete such an endpoint). */
    public static Optional<String> ruleUsing(Strategy strategy, String endpointKey) {
        for (Rule r : strategy.rules()) {
            for (Item it : r.items()) {
                if (it.reference().equals(endpointKey)) {
                    return Optional.of(r.name());
                }
            }
        }
        return Optional.empty();
    }

    /** Refuses deleting endpoints a strategy uses; the seed's other way is del-with-regen-strategy. */
    public static void refuseDeleteInUse(Strategy strategy, List<String> keys, String path, Errors errors) {
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            String at = path + "[" + i + "]";
            ruleUsing(strategy, k).ifPresent(rule -> errors.add(at, "endpoint.inUse",
                    "endpoint '" + k + "' is used by rule '" + rule + "' of the strategy; remove it from the "
                            + "strategy first or delete with del-with-regen-strategy"));
        }
    }
}
