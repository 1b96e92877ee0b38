package io.lodestar.engine.api.client;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the counters the console needs out of a node's {@code GET /metrics} (Prometheus text format). */
final class MetricsText {

    private static final String ANSWERS = "lodestar_dns_answers_total{";
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private MetricsText() {
    }

    /** Answers given per endpoint of {@code domain} since the node started (traffic-managed answers only). */
    static Map<String, Long> answers(String text, String domain) {
        Map<String, Long> out = new HashMap<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith(ANSWERS)) {
                continue;
            }
            int close = line.lastIndexOf('}');
            if (close < 0) {
                continue;
            }
            String d = null;
            String endpoint = null;
            Matcher m = LABEL.matcher(line.substring(ANSWERS.length(), close));
            while (m.find()) {
                String v = m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
                if (m.group(1).equals("domain")) {
                    d = v;
                } else if (m.group(1).equals("endpoint")) {
                    endpoint = v;
                }
            }
            String[] value = line.substring(close + 1).trim().split("\\s+");
            if (domain.equals(d) && endpoint != null && value.length > 0) {
                try {
                    out.merge(endpoint, (long) Double.parseDouble(value[0]), Long::sum);
                } catch (NumberFormatException e) {
                    // not a sample line after all
                }
            }
        }
        return out;
    }
}
