package io.lodestar.engine.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lodestar.engine.config.NotFound;
import io.lodestar.engine.config.Services;
import io.lodestar.engine.config.Shapes;
import io.lodestar.engine.model.Contact;
import io.lodestar.engine.model.ContactGroup;
import io.lodestar.engine.notify.Delivery;
import io.lodestar.engine.notify.Notifier;
import io.lodestar.engine.store.TokenRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Contacts, contact groups and per-domain notification settings. */
final class ContactRoutes {

    record ContactBody(String name, String email, String phone, String webhook) {
    }

    record GroupBody(String name, List<String> members) {
    }

    private ContactRoutes() {
    }

    static void add(Router r, Services s, ApiJson json) {
        r.add("GET", "/v1/contacts", TokenRole.READ, q -> Response.ok(s.contacts().contacts().stream().map(ContactRoutes::view).toList()));
        r.add("POST", "/v1/contacts", TokenRole.WRITE, q -> {
            ContactBody b = json.read(q.body(), new TypeReference<ContactBody>() { });
            return Response.ok(view(s.contacts().putContact(q.principal().name(), b.name(), b.email(), b.phone(), b.webhook())));
        });
        r.add("DELETE", "/v1/contacts/{name}", TokenRole.WRITE, q -> {
            s.contacts().deleteContact(q.principal().name(), q.param("name"));
            return Response.okNull();
        });
        r.add("GET", "/v1/contact-groups", TokenRole.READ, q -> Response.ok(s.contacts().groups().stream().map(ContactRoutes::view).toList()));
        r.add("POST", "/v1/contact-groups", TokenRole.WRITE, q -> {
            GroupBody b = json.read(q.body(), new TypeReference<GroupBody>() { });
            return Response.ok(view(s.contacts().putGroup(q.principal().name(), b.name(), b.members())));
        });
        r.add("DELETE", "/v1/contact-groups/{name}", TokenRole.WRITE, q -> {
            s.contacts().deleteGroup(q.principal().name(), q.param("name"));
            return Response.okNull();
        });
        r.add("GET", "/v1/domains/{domain}/notifications", TokenRole.READ, q -> {
            Map<String, Object> out = new LinkedHashMap<>();
            s.contacts().notifications(q.param("domain")).forEach((g, kinds) ->
                    out.put(g, kinds.stream().map(k -> k.wire()).toList()));
            return Response.ok(out);
        });
        r.add("PUT", "/v1/domains/{domain}/notifications", TokenRole.WRITE, q -> {
            s.contacts().putNotifications(q.principal().name(), q.param("domain"),
                    json.read(q.body(), new TypeReference<Map<String, List<String>>>() { }));
            return Response.okNull();
        });
    }

    /**
     * {@code POST /v1/contacts/{name}/test}: sends a test alert to each of the contact's channels now
     * and answers how each went. Registered by whoever holds the node's {@link Notifier}.
     */
    static void addSendTest(Router r, Notifier notifier) {
        r.add("GET", "/v1/alerts", TokenRole.READ, q -> {
            List<Object> recent = new ArrayList<>();
            for (Delivery d : notifier.recent()) {
                Map<String, Object> m = delivery(d);
                m.put("time", d.time().toString());
                m.put("kind", d.kind());
                m.put("title", d.title());
                recent.add(m);
            }
            Map<String, Object> open = new LinkedHashMap<>();
            notifier.openIncidents().forEach((k, v) -> open.put(k, v.toString()));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("openIncidents", open);
            out.put("recentDeliveries", recent);
            return Response.ok(out);
        });
        r.add("POST", "/v1/contacts/{name}/test", TokenRole.WRITE, q -> {
            List<Object> channels = new ArrayList<>();
            for (Delivery d : notifier.sendTest(q.param("name"))) {
                channels.add(delivery(d));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("contact", q.param("name"));
            out.put("channels", channels);
            return Response.ok(out);
        });
    }

    /**
     * {@code POST /v1/contact-groups/{name}/test}: the contact test for every member of the group, in
     * the group's order; each channel's outcome names its contact.
     */
    static void addGroupTest(Router r, Services s, Notifier notifier) {
        r.add("POST", "/v1/contact-groups/{name}/test", TokenRole.WRITE, q -> {
            String name = q.param("name");
            ContactGroup g = s.contacts().groups().stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow(() -> new NotFound("no contact group '" + name + "'"));
            List<Object> channels = new ArrayList<>();
            for (String member : g.members()) {
                for (Delivery d : notifier.sendTest(member)) {
                    channels.add(delivery(d));
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("group", name);
            out.put("channels", channels);
            return Response.ok(out);
        });
    }

    private static Map<String, Object> delivery(Delivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contact", d.contact());
        m.put("channel", d.channel().wire());
        m.put("address", d.address());
        m.put("ok", d.outcome().ok());
        m.put("outcome", d.outcome().status().name().toLowerCase(java.util.Locale.ROOT));
        m.put("detail", d.outcome().detail());
        return m;
    }

    static Map<String, Object> view(Contact c) {
        return Shapes.of(c);
    }

    static Map<String, Object> view(ContactGroup g) {
        return Shapes.of(g);
    }
}
