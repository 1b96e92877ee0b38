package io.lodestar.engine.model;

import java.util.Objects;
import java.util.Optional;

/** Someone alerts go to (seed: 联系人). At least one channel is set. */
public record Contact(String name, Optional<String> email, Optional<String> phone, Optional<String> webhook) {

    public Contact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(webhook, "webhook");
    }
}
