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
     * Preparation must not fail on a machine shared with other builds, where a service's first answers can
     * exceed a time limit: 502, 503 and 504 are tried again (every write the harness retries is idempotent:
     * bulk invitations carry an Idempotency-Key, the rest are exchanges, starts and saves of the same value).
     */
    private static Response send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
                boolean unavailable = response.statusCode() == 502 || response.statusCode() == 503
                        || response.statusCode() == 504;
                if (!unavailable || attempt == ATTEMPTS) {
                    return new Response(response.statusCode(), response.body());
                }
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("Request failed: " + e, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LocalStackProcess.sleep(Duration.ofMillis(2_000L * attempt));
        }
    }

    private static final int ATTEMPTS = 4;

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
