package io.lodestar.engine.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The message "send test" delivers, so an operator sees that a contact's channels work. */
public record TestNotice(String contact, Instant time) implements Notice {

    public TestNotice {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(time, "time");
    }

    @Override
    public String wireKind() {
        return "test";
    }

    @Override
    public String title() {
        return "Lodestar test alert for " + contact;
    }

    @Override
    public String text() {
        return title() + " — if you can read this, Lodestar's alerts reach you on this channel. Nothing is wrong.";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", wireKind());
        m.put("contact", contact);
        m.put("time", time.toString());
        m.put("title", title());
        m.put("text", text());
        return m;
    }
}
