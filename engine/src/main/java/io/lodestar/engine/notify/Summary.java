package io.lodestar.engine.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * The alerts a contact's rate limit held back, sent as one message once the limit allows.
 *
 * @param alerts the first alerts held, in order (at most a few dozen)
 * @param total  how many were held, including those not listed
 */
public record Summary(Instant time, List<Alert> alerts, int total) implements Notice {

    public Summary {
        Objects.requireNonNull(time, "time");
        alerts = List.copyOf(alerts);
        if (total < alerts.size() || alerts.isEmpty()) {
            throw new IllegalArgumentException("a summary lists 1.." + total + " alerts, got " + alerts.size());
        }
    }

    @Override
    public String wireKind() {
        return "summary";
    }

    @Override
    public String title() {
        return total + (total == 1 ? " alert" : " alerts") + " held back by the rate limit";
    }

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder(title()).append(":\n");
        for (Alert a : alerts) {
            sb.append("- ").append(a.time()).append(' ').append(a.text()).append('\n');
        }
        if (total > alerts.size()) {
            sb.append("… and ").append(total - alerts.size()).append(" more\n");
        }
        return sb.toString();
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", wireKind());
        m.put("time", time.toString());
        m.put("title", title());
        m.put("text", text());
        m.put("total", total);
        List<Object> list = new ArrayList<>();
        alerts.forEach(a -> list.add(a.fields()));
        m.put("alerts", list);
        return m;
    }
}
