package io.lodestar.engine.health;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The status line and framing headers of an HTTP/1.x response, and a bounded body reader. */
record HttpResponseHead(int status, long contentLength, boolean chunked) {

    static HttpResponseHead read(InputStream in, int maxHead) throws IOException {
        String statusLine = line(in, maxHead);
        if (statusLine == null) {
            throw new EOFException("connection closed before a response");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[0-9]{3}")) {
            throw new ProtocolException("not an HTTP/1.x status line: " + abbreviate(statusLine));
        }
        long length = -1;
        boolean chunked = false;
        int total = statusLine.length();
        for (String h = line(in, maxHead); h != null && !h.isEmpty(); h = line(in, maxHead)) {
            total += h.length();
            if (total > maxHead) {
                throw new ProtocolException("response head longer than " + maxHead + " bytes");
            }
            int colon = h.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new ProtocolException("bad Content-Length: " + abbreviate(value));
                }
            } else if (name.equals("transfer-encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            }
        }
        return new HttpResponseHead(Integer.parseInt(parts[1]), length, chunked);
    }

    /** Up to {@code max} bytes of the body, decoded from chunks if need be, as UTF-8 text. */
    String readBody(InputStream in, int max) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            while (body.size() < max) {
                String size = line(in, 1024);
                if (size == null) {
                    break;
                }
                int semi = size.indexOf(';');
                long n;
                try {
                    n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new ProtocolException("bad chunk size: " + abbreviate(size));
                }
                if (n == 0) {
                    break;
                }
                copy(in, body, Math.min(n, max - body.size()));
                line(in, 1024);
            }
        } else {
            copy(in, body, contentLength < 0 ? max : Math.min(contentLength, max));
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, long n) throws IOException {
        byte[] buf = new byte[4096];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                return;
            }
            out.write(buf, 0, r);
            left -= r;
        }
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1; null at end of stream before any byte. */
    private static String line(InputStream in, int max) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = sb.length();
                return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
            }
            if (sb.length() >= max) {
                throw new ProtocolException("response line longer than " + max + " bytes");
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
