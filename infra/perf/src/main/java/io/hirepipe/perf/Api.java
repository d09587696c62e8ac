package io.hirepipe.perf;

import io.hirepipe.stacklauncher.LocalStackProcess;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** JSON over the JDK's HttpClient, for preparing data and reading results (not for load: wrk and Gatling do that). */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        Response expect(int... statuses) {
            for (int expected : statuses) {
                if (status == expected) {
                    return this;
                }
            }
            throw new IllegalStateException("HTTP " + status + ": " + body);
        }
    }

    private final String baseUrl;

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    Response post(String path, Object body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body))));
    }

    /** One GET, no retries: for polling whether something is up yet. */
    Response once(String path) {
        try {
            HttpResponse<String> response = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response put(String path, Object body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body))));
    }

    Response delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    /**
     * Preparation must not fail on a machine shared with other builds, where a freshly started service's first
     * answers can be slow enough for the gateway to open its breaker: 502, 503 and 504 are tried again (every
     * write the harness retries is idempotent: bulk invitations carry an Idempotency-Key, the rest are
     * exchanges, starts and saves of the same value). A 503 with {@code Retry-After} (an open breaker) waits
     * that long; a random extra second spreads the waiting threads so they do not all meet the breaker's few
     * half-open trial calls at once. Bounded: {@value #ATTEMPTS} attempts, then the last answer counts. A 409
     * saying that an earlier attempt of the same request is still running is waited out (bounded too).
     */
    private static Response send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        long stillRunningUntil = System.nanoTime() + STILL_RUNNING_WAIT.toNanos();
        for (int attempt = 1; ; attempt++) {
            Duration pause = Duration.ofMillis(1_000L * attempt);
            try {
                HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                String type = problemType(response.body());
                if (status == 409 && STILL_RUNNING.contains(type) && System.nanoTime() < stillRunningUntil) {
                    // an earlier attempt of this very request timed out here but still runs there: ask again later
                    RETRIED.merge(status + " " + type, 1, Integer::sum);
                    attempt--;
                    LocalStackProcess.sleep(Duration.ofSeconds(3));
                    continue;
                }
                boolean unavailable = status == 502 || status == 503 || status == 504;
                if (!unavailable || attempt == ATTEMPTS) {
                    return new Response(status, response.body());
                }
                RETRIED.merge(status + " " + type, 1, Integer::sum);
                pause = retryAfter(response.headers().firstValue("Retry-After").orElse(null), pause);
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("Request failed: " + e, e);
                }
                RETRIED.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LocalStackProcess.sleep(pause.plusMillis(ThreadLocalRandom.current().nextLong(1_000)));
        }
    }

    /** The server's {@code Retry-After} in seconds when it gives one (capped at a minute), else {@code otherwise}. */
    static Duration retryAfter(String header, Duration otherwise) {
        if (header == null || !header.trim().matches("[0-9]{1,6}")) {
            return otherwise;
        }
        return Duration.ofSeconds(Math.min(60, Long.parseLong(header.trim())));
    }

    private static String problemType(String body) {
        int at = body == null ? -1 : body.indexOf("/problems/");
        return at < 0 ? "" : body.substring(at + "/problems/".length()).split("[\"\\s]", 2)[0];
    }

    /** Requests tried again, by status and problem type (e.g. "503 downstream-circuit-open"): reported with the run. */
    static Map<String, Integer> retried() {
        return new TreeMap<>(RETRIED);
    }

    private static final int ATTEMPTS = 8;
    /**
     * 409s that mean "your earlier attempt is still being worked on": an Idempotency-Key request still running,
     * the starter bank still being installed. Waited for, at most this long per request.
     */
    private static final Set<String> STILL_RUNNING = Set.of("idempotent-request-in-progress",
            "starter-bank-install-in-progress");
    private static final Duration STILL_RUNNING_WAIT = Duration.ofMinutes(3);
    private static final Map<String, Integer> RETRIED = new ConcurrentHashMap<>();

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
