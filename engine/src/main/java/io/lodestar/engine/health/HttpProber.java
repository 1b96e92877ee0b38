package io.lodestar.engine.health;

import io.lodestar.engine.model.Monitor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * {@code http} and {@code https}: one HTTP/1.1 request written by hand over a socket to the
 * endpoint's address, with the monitor's Host header. {@code java.net.http.HttpClient} is not
 * used: it connects to the URL's host (we must connect to the endpoint's IP while naming the
 * domain) and refuses a custom Host header; a raw exchange also tells refused / reset / TLS /
 * timeout apart exactly and times the exchange itself. TLS: SNI and certificate name = the Host
 * (without port); the certificate is verified against the given trust context unless the monitor
 * says {@code verifyTls=false}. Blocking I/O on the bounded executor: each probe holds a thread
 * for at most the monitor's timeout.
 */
public final class HttpProber implements Prober {

    private static final int MAX_HEAD = 16 * 1024;
    private static final int MAX_BODY = 64 * 1024;

    private final Executor blocking;
    private final SSLContext verifying;
    private final SSLContext trustingAll;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final java.util.Optional<InetAddress> source;

    /**
     * @param verifying trust context for {@code verifyTls=true}, normally {@code SSLContext.getDefault()}
     */
    public HttpProber(Executor blocking, SSLContext verifying, Clock clock, LongSupplier nanoTime)
            throws GeneralSecurityException {
        this(blocking, verifying, clock, nanoTime, java.util.Optional.empty());
    }

    /** @param source the local address to connect from; empty: the system's choice */
    public HttpProber(Executor blocking, SSLContext verifying, Clock clock, LongSupplier nanoTime,
                      java.util.Optional<InetAddress> source) throws GeneralSecurityException {
        this.source = source;
        this.blocking = blocking;
        this.verifying = verifying;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.trustingAll = SSLContext.getInstance("TLS");
        trustingAll.init(null, new TrustManager[] {new TrustAll()}, null);
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget t) {
        Instant at = clock.instant();
        long start = nanoTime.getAsLong();
        try {
            return CompletableFuture.supplyAsync(() -> exchange(t, at, start), blocking);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(ProbeResult.failed(at, Duration.ZERO, Failure.other("probe pool saturated or stopped")));
        }
    }

    private ProbeResult exchange(ProbeTarget t, Instant at, long start) {
        long deadline = start + t.timeout().toNanos();
        InetAddress address;
        try {
            address = t.address();
        } catch (IOException e) {
            return fail(at, start, new Failure(Failure.Kind.UNRESOLVED, "cannot resolve " + t.value().text()));
        }
        try (Socket plain = new Socket()) {
            plain.setSoLinger(true, 0);
            Sources.bind(source, address, plain);
            plain.connect(new InetSocketAddress(address, t.monitor().port()), remainingMillis(deadline));
            Socket s = plain;
            if (t.monitor().protocol() == Monitor.Protocol.HTTPS) {
                s = handshake(plain, t, deadline);
            }
            try {
                return respond(s, t, at, start, deadline);
            } finally {
                if (s != plain) {
                    s.close();
                }
            }
        } catch (SocketTimeoutException e) {
            return fail(at, start, Failure.of(Failure.Kind.TIMEOUT));
        } catch (IOException | RuntimeException e) {
            return fail(at, start, Failures.classify(e));
        }
    }

    private SSLSocket handshake(Socket plain, ProbeTarget t, long deadline) throws IOException {
        boolean verify = t.monitor().verifyTls();
        String name = t.serverName();
        SSLContext ctx = verify ? verifying : trustingAll;
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, name, t.monitor().port(), true);
        SSLParameters p = s.getSSLParameters();
        if (!isIpLiteral(name)) {
            p.setServerNames(List.of(new SNIHostName(name)));
        }
        if (verify) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        s.setSSLParameters(p);
        s.setSoTimeout(remainingMillis(deadline));
        s.startHandshake();
        return s;
    }

    private ProbeResult respond(Socket s, ProbeTarget t, Instant at, long start, long deadline) throws IOException {
        Monitor m = t.monitor();
        StringBuilder req = new StringBuilder(128);
        req.append(m.method()).append(' ').append(m.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(t.hostHeader()).append("\r\n")
                .append("User-Agent: Lodestar-probe\r\nAccept: */*\r\nConnection: close\r\n");
        if (m.method().equals("POST") || m.method().equals("PUT")) {
            req.append("Content-Length: 0\r\n");
        }
        req.append("\r\n");
        OutputStream out = s.getOutputStream();
        out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = new BufferedInputStream(new DeadlineInput(s, deadline), 8192);
        HttpResponseHead head = HttpResponseHead.read(in, MAX_HEAD);
        if (!new ExpectedCodes(m.expectCodes()).accepts(head.status())) {
            return fail(at, start, Failure.status(head.status()));
        }
        if (m.bodyContains().isPresent() && !m.method().equals("HEAD")) {
            String body = head.readBody(in, MAX_BODY);
            if (!body.contains(m.bodyContains().get())) {
                return fail(at, start, new Failure(Failure.Kind.BODY_MISMATCH,
                        "'" + m.bodyContains().get() + "' not in the first " + body.length() + " characters"));
            }
        }
        return ProbeResult.ok(at, Duration.ofNanos(nanoTime.getAsLong() - start));
    }

    private ProbeResult fail(Instant at, long start, Failure f) {
        return ProbeResult.failed(at, Duration.ofNanos(nanoTime.getAsLong() - start), f);
    }

    private int remainingMillis(long deadline) throws SocketTimeoutException {
        long ms = (deadline - nanoTime.getAsLong()) / 1_000_000;
        if (ms <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, ms);
    }

    static boolean isIpLiteral(String name) {
        return name.contains(":") || name.matches("[0-9.]+");
    }

    /** Reads from a socket, never past the probe's deadline (each read's timeout is what is left). */
    private final class DeadlineInput extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read(b, off, len);
        }
    }

    /** {@code verifyTls=false}: any certificate (the operator asked not to check it). */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not a server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // verification switched off by the monitor
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
