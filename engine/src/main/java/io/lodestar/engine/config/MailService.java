package io.lodestar.engine.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestar.engine.notify.MailSettings;
import io.lodestar.engine.notify.Notifier;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The node's SMTP server for alert mail: read and replaced through the API (role full), kept in
 * {@code DIR/mail.json} with mode 0600 because it may hold a password, applied to the notifier at once.
 */
public final class MailService {

    /** The API's shape of the settings; the password is write-only. */
    public record Input(String host, Integer port, String security, String from, String user, String password) {
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Context ctx;
    private final Notifier notifier;
    private final Path file;

    public MailService(Context ctx, Notifier notifier, Path dataDir) throws IOException {
        this.ctx = ctx;
        this.notifier = notifier;
        this.file = dataDir.resolve("mail.json");
        if (Files.exists(file)) {
            Input in = JSON.readValue(file.toFile(), Input.class);
            try {
                notifier.mail(Optional.of(settings(in)));
            } catch (ValidationException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The settings without the password, or empty when mail is off. */
    public Optional<Map<String, Object>> get() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Input in = JSON.readValue(file.toFile(), Input.class);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", in.host());
        m.put("port", in.port());
        m.put("security", in.security());
        m.put("from", in.from());
        m.put("user", in.user() == null ? "" : in.user());
        m.put("passwordSet", in.password() != null && !in.password().isEmpty());
        return Optional.of(m);
    }

    /** Validates, stores and applies; a body without {@code host} turns e-mail off. */
    public void put(String actor, Input in) throws ValidationException, IOException {
        if (in.host() == null || in.host().isBlank()) {
            Files.deleteIfExists(file);
            notifier.mail(Optional.empty());
            audit(actor, null);
            return;
        }
        MailSettings s = settings(in);
        Path tmp = file.resolveSibling("mail.json.tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the data folder itself is private
        }
        Files.write(tmp, JSON.writeValueAsBytes(in));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        notifier.mail(Optional.of(s));
        audit(actor, s.toString());
    }

    private void audit(String actor, String after) {
        ctx.store().transaction(tx -> {
            Audit.record(tx, actor, "settings.mail", "mail", null, after == null ? null : Map.of("server", after));
            return null;
        });
    }

    static MailSettings settings(Input in) throws ValidationException {
        Errors errors = new Errors();
        int port = in.port() == null ? 25 : in.port();
        if (port < 1 || port > 65_535) {
            errors.add("port", "port.range", "port must be 1–65535, was " + port);
        }
        MailSettings.Security sec = MailSettings.Security.NONE;
        try {
            sec = in.security() == null ? MailSettings.Security.NONE
                    : MailSettings.Security.valueOf(in.security().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("security", "security.unknown", "security must be none, starttls or ssl, was '" + in.security() + "'");
        }
        if (in.from() == null || !EMAIL.matcher(in.from()).matches()) {
            errors.add("from", "from.invalid", "from must be the sender's e-mail address");
        }
        boolean user = in.user() != null && !in.user().isEmpty();
        boolean pass = in.password() != null && !in.password().isEmpty();
        if (user != pass) {
            errors.add("password", "login.incomplete", "user and password go together");
        }
        errors.throwIfAny();
        MailSettings s = MailSettings.of(in.host().trim(), port, sec, in.from());
        return user ? s.withLogin(in.user(), in.password()) : s;
    }
}
