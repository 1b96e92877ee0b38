package io.lodestar.engine.config;

import io.lodestar.engine.validate.ValidationError;
import io.lodestar.engine.validate.ValidationException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Static zone content (CONTRACT §1 {@code --zone-file}, {@code PUT /v1/zone}): a BIND master file,
 * checked by the resolver's parser, kept in the data folder (written to a temporary file, fsynced,
 * then renamed over the old one, so a crash leaves the old or the new file, never half of one).
 */
public final class ZoneService {

    /** Parses zone text for the given origin; returns the problems (empty = valid). Supplied by the resolver. */
    @FunctionalInterface
    public interface ZoneCheck {
        List<String> problems(String text, String zone);
    }

    public static final int MAX_ZONE_BYTES = 1 << 20;
    private final Context ctx;
    private final ZoneCheck check;
    private final Path file;

    public ZoneService(Context ctx, ZoneCheck check, Path dataDir) {
        this.ctx = ctx;
        this.check = check;
        this.file = dataDir.resolve("zone.txt");
    }

    /** The stored zone text, if any. */
    public Optional<String> current() throws IOException {
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** Validates, stores and publishes new zone text; an empty text removes the static content. */
    public void put(String actor, String text) throws ValidationException, IOException {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_ZONE_BYTES) {
            throw new ValidationException(new ValidationError("body", "zone.tooLarge", "body: a zone file is at most 1 MiB"));
        }
        Optional<String> before = current();
        if (text.isBlank()) {
            Files.deleteIfExists(file);
        } else {
            List<String> problems = check.problems(text, ctx.zone());
            if (!problems.isEmpty()) {
                throw new ValidationException(problems.stream()
                        .map(p -> new ValidationError("body", "zone.invalid", "zone file: " + p)).toList());
            }
            Path tmp = file.resolveSibling("zone.txt.tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        ctx.store().transaction(tx -> {
            Audit.record(tx, actor, "zone.put", ctx.zone(), before.map(t -> java.util.Map.of("lines", t.lines().count())).orElse(null),
                    text.isBlank() ? null : java.util.Map.of("lines", text.lines().count()));
            return null;
        });
        ctx.publisher().zoneFile(text.isBlank() ? Optional.empty() : Optional.of(text), "zone file replaced");
    }
}
