package io.lodestar.engine.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema's history as numbered SQL files on the classpath. A directory holds an {@code INDEX}
 * naming its files in order (a classpath directory cannot be listed reliably inside a jar), and
 * each name is {@code V<NNN>__<description>.sql}, numbered from 1 without gaps.
 */
public final class Migrations {

    /** Where Lodestar's own migrations live on the classpath. */
    public static final String BUILT_IN = "io/lodestar/engine/store/migrations";

    private static final Pattern NAME = Pattern.compile("V(\\d{3,})__([A-Za-z0-9_]+)\\.sql");

    /** One step of the schema: its number, a readable description and the SQL script. */
    public record Migration(int version, String description, String sql) {
        public Migration {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(sql, "sql");
            if (version < 1) {
                throw new IllegalArgumentException("migration version < 1: " + version);
            }
        }
    }

    private final List<Migration> all;

    private Migrations(List<Migration> all) {
        this.all = List.copyOf(all);
    }

    /** Lodestar's schema. */
    public static Migrations builtIn() {
        return fromClasspath(Migrations.class.getClassLoader(), BUILT_IN);
    }

    /** The first {@code version} migrations: a database as an older release left it (migration tests). */
    public Migrations upTo(int version) {
        return new Migrations(all.subList(0, Math.min(version, all.size())));
    }

    /**
     * Loads the migrations listed in {@code dir/INDEX}.
     *
     * @throws IllegalStateException if the index or a file is missing, a name is malformed, or the
     *                               numbers do not run 1, 2, 3… in index order
     */
    public static Migrations fromClasspath(ClassLoader loader, String dir) {
        List<Migration> out = new ArrayList<>();
        for (String line : read(loader, dir + "/INDEX").split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException(dir + "/INDEX: '" + name + "' is not V<NNN>__<description>.sql");
            }
            int version = Integer.parseInt(m.group(1));
            if (version != out.size() + 1) {
                throw new IllegalStateException(dir + "/INDEX: " + name + " should be version " + (out.size() + 1)
                        + " (migrations are numbered from 1 without gaps, in order)");
            }
            out.add(new Migration(version, m.group(2).replace('_', ' '), read(loader, dir + "/" + name)));
        }
        return new Migrations(out);
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read classpath resource " + resource, e);
        }
    }

    public List<Migration> all() {
        return all;
    }

    /** The newest schema version these migrations produce; 0 when there are none. */
    public int latest() {
        return all.size();
    }
}
