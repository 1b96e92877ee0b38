package io.lodestar.resolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The file of {@code ./lodestar node --config FILE} (the node package's {@code /etc/lodestar/node.conf}):
 * one option a line as {@code name = value}, the name being the command-line option without its
 * {@code --}; blank lines and lines starting with {@code #} are skipped. A bad line is refused with
 * the file, the line number and the option's own one-line reason.
 */
final class NodeConfigFile {

    private NodeConfigFile() {
    }

    /** Hands each line's {@code --name} and value to {@code option}, in file order. */
    static void apply(Path file, BiConsumer<String, String> option) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--config: no such file " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--config: cannot read " + file + ": " + e.getMessage());
        }
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + n + ": ";
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(where + "expected 'name = value', got '" + line + "'");
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (name.startsWith("-") || name.equals("config")) {
                throw new IllegalArgumentException(where + "'" + name + "' is not an option name here (no --, no config)");
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException(where + name + " has no value (comment the line out instead)");
            }
            try {
                option.accept("--" + name, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
    }
}
