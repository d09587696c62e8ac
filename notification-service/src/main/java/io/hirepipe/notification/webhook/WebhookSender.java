package io.hirepipe.notification.webhook;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPatch;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One signed HTTP POST. Redirects are never followed (a receiver could point them inward). The
 * connection resolves the host through the {@link SsrfGuard}, so it goes only to addresses the guard
 * approved in that same lookup: a name that answers with a public address for the check and an internal
 * one a moment later (DNS rebinding) is refused when connecting. The response body is not read: only the
 * status matters, and a receiver that streams an endless body must not hold a worker (the connection is
 * dropped once the status is in).
 */
@Component
public class WebhookSender implements DisposableBean {

    private static final String USER_AGENT = "Hirepipe-Webhooks/1";
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final Duration requestTimeout;
    private final Duration hardLimit;

    public WebhookSender(WebhookProperties properties, SsrfGuard guard) {
        // At most one connection per attempt in flight, and the dispatcher runs at most `workers` attempts at once.
        int connections = Math.max(properties.workers(), 1) * 2;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guarded(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.requestTimeout()))
                                .build())
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setConnectionRequestTimeout(Timeout.of(properties.connectTimeout()))
                        .setResponseTimeout(Timeout.of(properties.requestTimeout()))
                        .build())
                // A fresh connection per attempt: each one resolved and checked when it is made, and none kept open
                // for a receiver to close under the next attempt (automatic retries are off).
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.requestTimeout = properties.requestTimeout();
        // the request timeout covers the wait for headers once connected; this bounds the whole attempt
        this.hardLimit = properties.connectTimeout().plus(properties.requestTimeout()).plusSeconds(1);
    }

    public Result post(URI url, String messageId, long timestampSeconds, String signature, String body) {
        HttpPost request = new HttpPost(url);
        request.setHeader("User-Agent", USER_AGENT);
        request.setHeader("webhook-id", messageId);
        request.setHeader("webhook-timestamp", Long.toString(timestampSeconds));
        request.setHeader("webhook-signature", signature);
        // UTF-8 bytes, labelled plain "application/json" (JSON is UTF-8; receivers verify exactly these bytes)
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON));
        return exchange(request);
    }

    /**
     * A PATCH without a body, as a partner's "it is done, come and read it" signal; with the
     * {@code Authorization} value given, if any (it never reaches a log or the delivery record).
     */
    public Result patch(URI url, String authorization) {
        HttpPatch request = new HttpPatch(url);
        request.setHeader("User-Agent", USER_AGENT);
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        return exchange(request);
    }

    private Result exchange(HttpUriRequestBase request) {
        long started = System.nanoTime();
        AtomicBoolean overdue = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            overdue.set(true);
            request.cancel();
        }, hardLimit.toMillis(), TimeUnit.MILLISECONDS);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, request, null);
            int status = response.getCode();
            return new Result(status, elapsedMs(started), null,
                    status >= 200 && status < 300 ? null : retryAfter(response.getFirstHeader(HttpHeaders.RETRY_AFTER)));
        } catch (RefusedAddressException refused) {
            return new Result(null, elapsedMs(started), "Refused by the SSRF guard when connecting: the URL "
                    + refused.getMessage());
        } catch (SocketTimeoutException timedOut) {
            return new Result(null, elapsedMs(started), "No response within " + requestTimeout.toSeconds() + " s");
        } catch (IOException | RuntimeException failed) {
            if (overdue.get()) {
                return new Result(null, elapsedMs(started), "No response within " + requestTimeout.toSeconds() + " s");
            }
            return new Result(null, elapsedMs(started), failed.getClass().getSimpleName()
                    + (failed.getMessage() == null ? "" : ": " + failed.getMessage()));
        } finally {
            deadline.cancel(false);
            // The body is never read: drop the connection instead of draining what may be an endless body.
            request.cancel();
            closeQuietly(response);
        }
    }

    /**
     * The wait a failed answer asks for in {@code Retry-After} (RFC 9110: delay-seconds or an HTTP-date); null when
     * it names none, or one that cannot be read.
     */
    static Duration retryAfter(Header header) {
        String value = header == null ? null : header.getValue();
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            // more digits than any sane wait: the dispatcher's limit applies anyway
            return Duration.ofSeconds(value.length() > 9 ? 999_999_999L : Long.parseLong(value));
        }
        Instant at = DateUtils.parseStandardDate(value);
        if (at == null) {
            return null;
        }
        Duration until = Duration.between(Instant.now(), at);
        return until.isNegative() ? Duration.ZERO : until;
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        if (response == null) {
            return;
        }
        try {
            response.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection was dropped on purpose
        }
    }

    /** Name resolution for connections: only addresses the guard approves, in the lookup the connection uses. */
    private static DnsResolver guarded(SsrfGuard guard) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                try {
                    return guard.addresses(host).toArray(InetAddress[]::new);
                } catch (UnsafeUrlException refused) {
                    throw new RefusedAddressException(refused.getMessage());
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }

    /** A host the guard refused when the connection looked it up. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    /**
     * @param statusCode null when no response came
     * @param retryAfter the wait a failed answer asked for in {@code Retry-After}; null when it asked for none
     */
    public record Result(Integer statusCode, long latencyMs, String error, Duration retryAfter) {

        public Result(Integer statusCode, long latencyMs, String error) {
            this(statusCode, latencyMs, error, null);
        }

        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        public boolean gone() {
            return statusCode != null && statusCode == 410;
        }
    }
}
