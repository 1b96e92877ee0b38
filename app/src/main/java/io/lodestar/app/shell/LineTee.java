package io.lodestar.app.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Writes everything through to the stream it wraps and hands each complete line to a sink: how
 * the console keeps its embedded node's log (slf4j-simple writes to {@code System.err}) for the
 * Nodes screen. A line longer than {@link #MAX_LINE} bytes is handed over in pieces.
 */
final class LineTee extends OutputStream {

    static final int MAX_LINE = 4096;

    private final OutputStream through;
    private final Consumer<String> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineTee(OutputStream through, Consumer<String> sink) {
        this.through = through;
        this.sink = sink;
    }

    /** Replaces {@code System.err} with a tee of it; the sink hears every line written from now on. */
    static void installOnSystemErr(Consumer<String> sink) {
        System.setErr(new PrintStream(new LineTee(System.err, sink), true, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(int b) throws IOException {
        through.write(b);
        take(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        through.write(b, off, len);
        for (int i = off; i < off + len; i++) {
            take(b[i]);
        }
    }

    private void take(int b) {
        if (b == '\n') {
            emit();
        } else if (b != '\r') {
            line.write(b);
            if (line.size() >= MAX_LINE) {
                emit();
            }
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (!text.isBlank()) {
            sink.accept(text);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        through.flush();
    }
}
