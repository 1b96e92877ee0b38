package io.lodestar.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.monitors.MonitorsViewModel;
import io.lodestar.app.contacts.ContactsViewModel;
import io.lodestar.app.contacts.MailServerViewModel;
import io.lodestar.app.contacts.NotificationRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both bundles hold exactly the keys the console's sources use (JabRef's localization test). */
class MessagesTest {

    private static final Pattern LITERAL = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z0-9]+)+)\"");

    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/io/lodestar/app/i18n/" + file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    /** Dotted string literals in the main sources, plus the monitor form's per-field labels. */
    private static Set<String> used(Set<String> known) throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    String k = m.group(1);
                    if (known.contains(k) || k.matches("(app|shell|nav|status|error|common|access|domains|endpoints|monitors|contacts|notifications|audit|nodes|mail)\\..*")) {
                        used.add(k);
                    }
                }
            }
        }
        MonitorsViewModel.FIELDS.forEach(f -> used.add("monitors.field." + f));
        ContactsViewModel.FIELDS.forEach(f -> used.addAll(Set.of("contacts.field." + f, "contacts.prompt." + f)));
        NotificationRow.KINDS.forEach(k -> used.add("notifications.kind." + k));
        for (io.lodestar.engine.strategy.RuleType t : io.lodestar.engine.strategy.RuleType.values()) {
            used.add("editor.rule." + t.wire());
        }
        MailServerViewModel.FIELDS.forEach(f -> used.add("mail.field." + f));
        return used;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(keys("messages_en.properties"), keys("messages_zh_CN.properties"));
    }

    @Test
    void everyKeyTheSourcesUseExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> en = keys("messages_en.properties");
        Set<String> used = used(en);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(en);
        Set<String> unused = new TreeSet<>(en);
        unused.removeAll(used);
        assertEquals(Set.of(), missing, "used in src/main/java but missing from the bundles");
        assertEquals(Set.of(), unused, "in the bundles but used nowhere");
    }

    @Test
    void chineseIsChosenForAChineseLocaleWithArgumentsFilledIn() {
        assertEquals("快照 v1234", new Messages(Locale.SIMPLIFIED_CHINESE).get("status.snapshot", 1234L));
        assertEquals("Snapshot v1234", new Messages(Locale.ENGLISH).get("status.snapshot", 1234L));
        assertEquals("2 failing endpoints", new Messages(Locale.ENGLISH).get("status.failing", 2));
        assertTrue(new Messages(Locale.ENGLISH).get("access.readOnlyReason", "viewer", "read").contains("'viewer'"));
    }
}
