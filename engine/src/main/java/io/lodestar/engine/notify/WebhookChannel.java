package io.lodestar.engine.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A JSON POST per notice, signed: {@code X-Lodestar-Signature: sha256=<hex HMAC-SHA256 of the
 * body bytes>} with the node's secret, so a receiver can tell it came from this node. Never
 * blocks: {@link #send} returns at once and the future completes after the last try. Connection
 * errors, timeouts, 5xx and 429 are retried by the {@link Backoff} (pauses on the given scheduler,
 * no thread sleeps); other answers are final. Every try of one delivery carries the same body,
 * signature and {@code X-Lodestar-Delivery} id, so a receiver can drop repeats.
 */
public final class WebhookChannel {

    public static final String SIGNATURE_HEADER = "X-Lodestar-Signature";
    public static final String DELIVERY_HEADER = "X-Lodestar-Delivery";

    private final HttpClient http;
    private final byte[] secret;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler;
    private final RandomGenerator random;
    private final Runnable onRetry;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param secret    the node's webhook secret (HMAC key, UTF-8)
     * @param timeout   for connecting and for the whole answer of each try
     * @param scheduler where pauses between tries wait
     * @param onRetry   called before each retry (a metric)
     */
    public WebhookChannel(String secret, Duration timeout, ScheduledExecutorService scheduler, RandomGenerator random,
                          Runnable onRetry) {
        if (Objects.requireNonNull(secret, "secret").isEmpty()) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.random = Objects.requireNonNull(random, "random");
        this.onRetry = Objects.requireNonNull(onRetry, "onRetry");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code sha256=} and the lower-case hex HMAC-SHA256 of {@code body} under {@code secret}. */
    public static String signature(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The exact bytes POSTed for a notice. */
    byte[] body(Notice n) {
        try {
            return json.writeValueAsBytes(n.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice's fields are strings, numbers and lists", e);
        }
    }

    /** Posts {@code n} to {@code url}, retrying by {@code backoff}; the future never completes exceptionally. */
    public CompletableFuture<Outcome> send(URI url, Notice n, Backoff backoff) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        byte[] body = body(n);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Lodestar")
                    .header(SIGNATURE_HEADER, signature(secret, body))
                    .header(DELIVERY_HEADER, UUID.randomUUID().toString())
                    .header("X-Lodestar-Kind", n.wireKind())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            done.complete(Outcome.failed("bad webhook URL: " + e.getMessage(), 0));
            return done;
        }
        attempt(request, 1, backoff, done);
        return done;
    }

    private void attempt(HttpRequest request, int n, Backoff backoff, CompletableFuture<Outcome> done) {
        CompletableFuture<HttpResponse<Void>> call;
        try {
            call = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) {
            done.complete(Outcome.failed(Failures.describe(e), n));
            return;
        }
        call.whenComplete((response, error) -> {
            String why;
            if (error == null) {
                int code = response.statusCode();
                if (code >= 200 && code < 300) {
                    done.complete(Outcome.sent("HTTP " + code, n));
                    return;
                }
                why = "HTTP " + code;
                if (code < 500 && code != 429) {
                    done.complete(Outcome.failed(why, n)); // the receiver said no; asking again will not help
                    return;
                }
            } else {
                why = Failures.describe(error);
            }
            if (n >= backoff.maxAttempts()) {
                done.complete(Outcome.failed(why + (n == 1 ? "" : " (gave up after " + n + " attempts)"), n));
                return;
            }
            onRetry.run();
            try {
                scheduler.schedule(() -> attempt(request, n + 1, backoff, done), backoff.delayMillis(n, random),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                done.complete(Outcome.failed(why + " (not retried: shutting down)", n));
            }
        });
    }
}
