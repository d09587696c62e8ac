package io.hirepipe.faults;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The public API through the gateway, as a careful client uses it: JSON in and out, and a request that
 * got no answer (connection refused or reset, a time-out) or a 502/503/504 is sent again after a pause,
 * the same request with the same idempotency key, for up to {@code retryFor}; so is a 409 saying the first
 * request with that key is still running. That is what a browser or an
 * ATS does during an outage; the system must turn it into one effect.
 */
final class Gateway {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Reply(int status, JsonNode body, Duration took) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final URI base;
    private final Duration retryFor;
    private final Supplier<String> bearer;

    Gateway(URI base, Duration retryFor, Supplier<String> bearer) {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build(),
                base, retryFor, bearer);
    }

    private Gateway(HttpClient http, URI base, Duration retryFor, Supplier<String> bearer) {
        this.http = http;
        this.base = base;
        this.retryFor = retryFor;
        this.bearer = bearer;
    }

    /**
     * The same gateway and connections, authenticated as someone else (a candidate's token). A client of its own per
     * candidate kept each one's idle connection and selector thread: R1 with 10,000 candidates ran the harness out of
     * file descriptors ("Too many open files") past 6,600 submissions.
     */
    Gateway as(String token) {
        return new Gateway(http, base, retryFor, () -> token);
    }

    Reply get(String path) {
        return call("GET", path, null, null);
    }

    Reply post(String path, Object body) {
        return call("POST", path, body, null);
    }

    Reply post(String path, Object body, String idempotencyKey) {
        return call("POST", path, body, idempotencyKey);
    }

    Reply put(String path, Object body) {
        return call("PUT", path, body, null);
    }

    /** One attempt, no retry: for deliberately doubled requests. */
    Reply once(String method, String path, Object body) {
        try {
            return attempt(method, path, body, null);
        } catch (IOException e) {
            return new Reply(0, null, Duration.ZERO);
        }
    }

    private Reply call(String method, String path, Object body, String idempotencyKey) {
        Instant giveUp = Instant.now().plus(retryFor);
        Duration pause = Duration.ofMillis(200);
        while (true) {
            Reply reply;
            try {
                reply = attempt(method, path, body, idempotencyKey);
                if (reply.status() != 502 && reply.status() != 503 && reply.status() != 504
                        && !stillRunning(reply)) {
                    return reply;
                }
            } catch (IOException e) {
                reply = new Reply(0, null, Duration.ZERO);
            }
            if (Instant.now().isAfter(giveUp)) {
                return reply;
            }
            StackUnderTest.sleep(pause);
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(3)) > 0 ? Duration.ofSeconds(3) : pause.multipliedBy(2);
        }
    }

    /**
     * The first request with this idempotency key has not finished ("retry shortly"): it may still be running,
     * or have died with an instance, in which case the service forgets it after a while and the retry runs it.
     */
    private static boolean stillRunning(Reply reply) {
        return reply.status() == 409 && reply.body() != null
                && reply.body().path("type").asString("").endsWith("idempotent-request-in-progress");
    }

    private Reply attempt(String method, String path, Object body, String idempotencyKey) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        String token = bearer.get();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? null : parse(text);
            return new Reply(response.statusCode(), json, took);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return JSON.getNodeFactory().stringNode(text);
        }
    }

    static Map<String, Object> map(Object... keyValues) {
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
