package io.lodestar.engine.strategy;

import io.lodestar.engine.model.IpText;
import io.lodestar.engine.validate.Errors;
import io.lodestar.resources.region.Regions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The user groups an item serves (CONTRACT §2): {@code ;}-separated terms. Empty marks the item of
 * the rule's default group, which takes every (area, isp) that no other item names.
 */
public record UserSet(List<UserTerm> terms) {

    public static final UserSet EMPTY = new UserSet(List.of());

    public UserSet {
        terms = List.copyOf(terms);
    }

    public boolean isDefault() {
        return terms.isEmpty();
    }

    /** The seed's text form, e.g. {@code beijing.CN/cm;shanghai.CN/*}. */
    public String text() {
        return terms.stream().map(UserTerm::text).collect(Collectors.joining(";"));
    }

    /**
     * Parses the text form, checking area and ISP codes against the catalogue; problems are added to
     * {@code errors} under {@code path} and the bad terms are left out.
     */
    public static UserSet parse(String text, Regions regions, String path, Errors errors) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<UserTerm> out = new ArrayList<>();
        String[] parts = text.split(";");
        for (int i = 0; i < parts.length; i++) {
            String t = parts[i].trim();
            if (t.isEmpty()) {
                continue;
            }
            parseTerm(t, regions, path, errors).ifPresent(term -> {
                if (!out.contains(term)) {
                    out.add(term);
                }
            });
        }
        return new UserSet(out);
    }

    private static Optional<UserTerm> parseTerm(String t, Regions regions, String path, Errors errors) {
        int slash = t.indexOf('/');
        String left = slash < 0 ? t : t.substring(0, slash);
        String right = slash < 0 ? UserTerm.ANY : t.substring(slash + 1);
        Optional<byte[]> ip = IpText.parse(left);
        if (ip.isPresent()) {
            byte[] net = ip.get();
            int max = net.length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? max : Integer.parseInt(right);
            } catch (NumberFormatException e) {
                errors.add(path, "usersets.cidr", "'" + t + "' has a bad prefix length");
                return Optional.empty();
            }
            if (prefix < 0 || prefix > max) {
                errors.add(path, "usersets.cidr", "'" + t + "' prefix must be 0.." + max);
                return Optional.empty();
            }
            for (int bit = prefix; bit < max; bit++) {
                if ((net[bit >> 3] & (0x80 >> (bit & 7))) != 0) {
                    errors.add(path, "usersets.cidr", "'" + t + "' has host bits set");
                    return Optional.empty();
                }
            }
            return Optional.of(new UserTerm.Cidr(net, prefix));
        }
        boolean ok = true;
        if (!left.equals(UserTerm.ANY) && regions.area(left).isEmpty()) {
            errors.add(path, "usersets.area", "'" + t + "': unknown area '" + left + "'");
            ok = false;
        }
        if (!right.equals(UserTerm.ANY) && regions.isp(right).isEmpty()) {
            errors.add(path, "usersets.isp", "'" + t + "': unknown isp '" + right + "'");
            ok = false;
        }
        return ok ? Optional.of(new UserTerm.AreaIsp(left, right)) : Optional.empty();
    }
}
