package io.lodestar.engine.notify;

import io.lodestar.engine.model.Contact;
import io.lodestar.engine.model.ContactGroup;
import io.lodestar.engine.store.EventKind;
import io.lodestar.engine.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who hears what, read from the store: a domain's settings → groups → contacts. */
final class Recipients {

    private final Store store;

    Recipients(Store store) {
        this.store = store;
    }

    /** The contacts of every group hearing {@code kind} about {@code domain}; each once, in group order. */
    List<Contact> hearing(String domain, EventKind kind) {
        return store.read(tx -> {
            Map<String, Contact> out = new LinkedHashMap<>();
            for (String g : tx.notifications().groupsHearing(domain, kind)) {
                Optional<ContactGroup> group = tx.contactGroups().get(g);
                if (group.isEmpty()) {
                    continue;
                }
                for (String name : group.get().members()) {
                    if (!out.containsKey(name)) {
                        tx.contacts().get(name).ifPresent(c -> out.put(name, c));
                    }
                }
            }
            return new ArrayList<>(out.values());
        });
    }

    Optional<Contact> contact(String name) {
        return store.read(tx -> tx.contacts().get(name));
    }
}
