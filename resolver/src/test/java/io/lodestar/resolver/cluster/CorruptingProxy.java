package io.lodestar.resolver.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A TCP relay on loopback that, while {@link #corrupt} is set, changes one byte string into another
 * of the same length in everything it carries, both ways: a fault in transit that keeps the JSON
 * valid and the Content-Length right, so only a checksum can catch it.
 */
final class CorruptingProxy implements AutoCloseable {

    volatile boolean corrupt;
    private final ServerSocket server;
    private final int target;
    private final byte[] from;
    private final byte[] to;

    CorruptingProxy(int target, String from, String to) throws IOException {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("same length");
        }
        this.target = target;
        this.from = from.getBytes(StandardCharsets.US_ASCII);
        this.to = to.getBytes(StandardCharsets.US_ASCII);
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread t = new Thread(this::accept, "corrupting-proxy");
        t.setDaemon(true);
        t.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                Socket out = new Socket();
                out.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), target), 2000);
                pipe(in, out);
                pipe(out, in);
            } catch (IOException e) {
                // closed, or the target is down: the client sees the connection drop
            }
        }
    }

    private void pipe(Socket a, Socket b) {
        Thread t = new Thread(() -> {
            try (InputStream in = a.getInputStream(); OutputStream out = b.getOutputStream()) {
                a.setSoTimeout(30);
                ByteArrayOutputStream pending = new ByteArrayOutputStream();
                byte[] buf = new byte[16384];
                while (true) {
                    int n;
                    try {
                        n = in.read(buf);
                    } catch (SocketTimeoutException quiet) {
                        flush(pending, out, true);
                        continue;
                    }
                    if (n < 0) {
                        flush(pending, out, true);
                        break;
                    }
                    pending.write(buf, 0, n);
                    flush(pending, out, false);
                }
            } catch (IOException e) {
                // either side closed
            } finally {
                try {
                    a.close();
                    b.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }, "corrupting-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    /** Writes what cannot be the start of a match any more (everything, when the line is quiet). */
    private void flush(ByteArrayOutputStream pending, OutputStream out, boolean all) throws IOException {
        byte[] data = pending.toByteArray();
        if (corrupt) {
            for (int i = 0; i + from.length <= data.length; i++) {
                if (Arrays.equals(data, i, i + from.length, from, 0, from.length)) {
                    System.arraycopy(to, 0, data, i, to.length);
                }
            }
        }
        int keep = all ? 0 : Math.min(data.length, from.length - 1);
        out.write(data, 0, data.length - keep);
        out.flush();
        pending.reset();
        pending.write(data, data.length - keep, keep);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
