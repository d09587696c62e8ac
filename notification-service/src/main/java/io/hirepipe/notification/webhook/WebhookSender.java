package io.hirepipe.notification.webhook;

import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One signed HTTP POST. Redirects are never followed (a receiver could point them inward). The
 * response body is not read: only the status matters, and a receiver that streams an endless body
 * must not hold a worker.
 */
@Component
public class WebhookSender {

    private static final String USER_AGENT = "Hirepipe-Webhooks/1";

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration hardLimit;

    public WebhookSender(WebhookProperties properties) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = properties.requestTimeout();
        // the request timeout covers the wait for headers once connected; this bounds the whole attempt
        this.hardLimit = properties.connectTimeout().plus(properties.requestTimeout()).plusSeconds(1);
    }

    public Result post(URI url, String messageId, long timestampSeconds, String signature, String body) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestampSeconds))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return exchange(request);
    }

    /**
     * A PATCH without a body, as a partner's "it is done, come and read it" signal; with the
     * {@code Authorization} value given, if any (it never reaches a log or the delivery record).
     */
    public Result patch(URI url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("User-Agent", USER_AGENT)
                .method("PATCH", HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return exchange(request.build());
    }

    private Result exchange(HttpRequest request) {
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<InputStream>> future =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            HttpResponse<InputStream> response = future.get(hardLimit.toMillis(), TimeUnit.MILLISECONDS);
            try (InputStream ignored = response.body()) {
                return new Result(response.statusCode(), elapsedMs(started), null);
            }
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Result(null, elapsedMs(started), "No response within " + requestTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String reason = cause instanceof java.net.http.HttpTimeoutException
                    ? "No response within " + requestTimeout.toSeconds() + " s"
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return new Result(null, elapsedMs(started), reason);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Result(null, elapsedMs(started), "Interrupted by shutdown");
        } catch (java.io.IOException closing) {
            return new Result(null, elapsedMs(started), "IOException: " + closing.getMessage());
        }
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** @param statusCode null when no response came */
    public record Result(Integer statusCode, long latencyMs, String error) {

        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        public boolean gone() {
            return statusCode != null && statusCode == 410;
        }
    }
}
