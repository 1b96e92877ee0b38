package io.lodestar.engine.api.client;

import java.util.List;

/** A named group of contacts. */
public record ContactGroupInfo(String name, List<String> members) {

    public ContactGroupInfo {
        members = List.copyOf(members);
    }
}
