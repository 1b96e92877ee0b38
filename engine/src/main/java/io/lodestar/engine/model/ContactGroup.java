package io.lodestar.engine.model;

import java.util.List;
import java.util.Objects;

/** A named set of contacts (seed: 联系群组). */
public record ContactGroup(String name, List<String> members) {

    public ContactGroup {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }
}
