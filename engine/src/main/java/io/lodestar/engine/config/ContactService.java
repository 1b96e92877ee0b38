package io.lodestar.engine.config;

import io.lodestar.engine.model.Contact;
import io.lodestar.engine.model.ContactGroup;
import io.lodestar.engine.store.EventKind;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationException;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Contacts, contact groups, and which groups hear which events of a domain. */
public final class ContactService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{5,20}");
    private static final Pattern NAME = Pattern.compile("\\S.{0,63}");

    private final Context ctx;

    public ContactService(Context ctx) {
        this.ctx = ctx;
    }

    public List<Contact> contacts() {
        return ctx.store().read(tx -> tx.contacts().list());
    }

    public List<ContactGroup> groups() {
        return ctx.store().read(tx -> tx.contactGroups().list());
    }

    /** Adds or replaces a contact; it needs a name and at least one valid channel. */
    public Contact putContact(String actor, String name, String email, String phone, String webhook) throws ValidationException {
        Errors errors = new Errors();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add("name", "name.invalid", "a contact needs a name of 1–64 characters");
        }
        Optional<String> e = blankToEmpty(email);
        Optional<String> p = blankToEmpty(phone);
        Optional<String> w = blankToEmpty(webhook);
        e.filter(x -> !EMAIL.matcher(x).matches()).ifPresent(x -> errors.add("email", "email.invalid", "'" + x + "' is not an e-mail address"));
        p.filter(x -> !PHONE.matcher(x).matches()).ifPresent(x -> errors.add("phone", "phone.invalid", "'" + x + "' is not a phone number"));
        w.filter(x -> !httpUrl(x)).ifPresent(x -> errors.add("webhook", "webhook.invalid", "'" + x + "' is not an http(s) URL"));
        if (e.isEmpty() && p.isEmpty() && w.isEmpty()) {
            errors.add("email", "channel.missing", "give at least one of email, phone, webhook");
        }
        errors.throwIfAny();
        Contact c = new Contact(name, e, p, w);
        ctx.store().transaction(tx -> {
            Optional<Contact> before = tx.contacts().get(name);
            tx.contacts().put(c);
            Audit.record(tx, actor, "contact.put", name, before.map(Shapes::of).orElse(null), Shapes.of(c));
            return null;
        });
        return c;
    }

    public void deleteContact(String actor, String name) throws NotFound, ValidationException {
        Changes.run(ctx, tx -> {
            Contact c = tx.contacts().get(name).orElseThrow(() -> Changes.notFound(new NotFound("no contact '" + name + "'")));
            tx.contacts().delete(name);
            Audit.record(tx, actor, "contact.delete", name, Shapes.of(c), null);
            return null;
        });
    }

    public ContactGroup putGroup(String actor, String name, List<String> members) throws ValidationException {
        Errors errors = new Errors();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add("name", "name.invalid", "a group needs a name of 1–64 characters");
        }
        List<String> m = members == null ? List.of() : members;
        errors.throwIfAny();
        ContactGroup g = new ContactGroup(name, m);
        ctx.store().transaction(tx -> {
            Errors unknown = new Errors();
            for (int i = 0; i < m.size(); i++) {
                if (tx.contacts().get(m.get(i)).isEmpty()) {
                    unknown.add("members[" + i + "]", "member.unknown", "no contact '" + m.get(i) + "'");
                }
            }
            unknown.throwIfAny();
            Optional<ContactGroup> before = tx.contactGroups().get(name);
            tx.contactGroups().put(g);
            Audit.record(tx, actor, "group.put", name, before.map(Shapes::of).orElse(null), Shapes.of(g));
            return null;
        });
        return g;
    }

    public void deleteGroup(String actor, String name) throws NotFound, ValidationException {
        Changes.run(ctx, tx -> {
            ContactGroup g = tx.contactGroups().get(name).orElseThrow(() -> Changes.notFound(new NotFound("no group '" + name + "'")));
            tx.contactGroups().delete(name);
            Audit.record(tx, actor, "group.delete", name, Shapes.of(g), null);
            return null;
        });
    }

    public Map<String, Set<EventKind>> notifications(String domain) throws NotFound {
        return Changes.read(ctx, tx -> {
            DomainService.require(tx, domain);
            return tx.notifications().forDomain(domain);
        });
    }

    /** Replaces a domain's notification settings: group → event kinds ({@link EventKind}). */
    public void putNotifications(String actor, String domain, Map<String, List<String>> kindsByGroup)
            throws ValidationException, NotFound {
        Errors errors = new Errors();
        Map<String, Set<EventKind>> parsed = new LinkedHashMap<>();
        kindsByGroup.forEach((group, kinds) -> {
            Set<EventKind> set = EnumSet.noneOf(EventKind.class);
            for (String k : kinds == null ? List.<String>of() : kinds) {
                Optional<EventKind> ek = EventKind.fromWire(k);
                if (ek.isEmpty()) {
                    errors.add(group, "event.unknown", "unknown event '" + k + "' (" + EventKind.wireNames() + ")");
                } else {
                    set.add(ek.get());
                }
            }
            parsed.put(group, set);
        });
        errors.throwIfAny();
        Changes.run(ctx, tx -> {
            DomainService.require(tx, domain);
            Errors unknown = new Errors();
            for (String g : parsed.keySet()) {
                if (tx.contactGroups().get(g).isEmpty()) {
                    unknown.add(g, "group.unknown", "no contact group '" + g + "'");
                }
            }
            unknown.throwIfAny();
            Map<String, Set<EventKind>> before = tx.notifications().forDomain(domain);
            tx.notifications().replace(domain, parsed);
            Audit.record(tx, actor, "notifications.put", domain, before, parsed);
            return null;
        });
    }

    private static Optional<String> blankToEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    private static boolean httpUrl(String s) {
        try {
            URI u = new URI(s);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
