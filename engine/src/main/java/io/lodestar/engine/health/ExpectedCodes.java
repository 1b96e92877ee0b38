package io.lodestar.engine.health;

import java.util.List;
import java.util.Locale;

/**
 * The monitor's {@code expectCodes}: exact codes ({@code 204}) and classes ({@code 2xx}); empty
 * means 2xx and 3xx (the seed's default: a redirect is an answer, the server is alive).
 */
record ExpectedCodes(List<String> terms) {

    ExpectedCodes {
        terms = terms.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    boolean accepts(int code) {
        if (terms.isEmpty()) {
            return code >= 200 && code < 400;
        }
        String text = Integer.toString(code);
        for (String t : terms) {
            if (t.endsWith("xx") ? text.charAt(0) == t.charAt(0) && text.length() == 3 : t.equals(text)) {
                return true;
            }
        }
        return false;
    }
}
