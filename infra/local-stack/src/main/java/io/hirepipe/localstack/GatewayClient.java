package io.hirepipe.localstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small JSON-over-HTTP client for the gateway, used to seed demo data the way a user would. */
final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private String bearer;

    GatewayClient(URI base) {
        this.base = base;
    }

    void useBearer(String token) {
        this.bearer = token;
    }

    JsonNode get(String path) {
        return send(request(path).GET(), path, false).orElseThrow();
    }

    JsonNode post(String path, Object body) {
        return send(postRequest(path, body), path, false).orElseThrow();
    }

    /** Like {@link #post}, but a 409 answer is empty instead of a failure. */
    Optional<JsonNode> postUnlessConflict(String path, Object body) {
        return send(postRequest(path, body), path, true);
    }

    private HttpRequest.Builder postRequest(String path, Object body) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    int statusOf(String path, String apiKey) {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("X-Api-Key", apiKey).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new StackStartException("Gateway unreachable while checking the demo API key: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("Interrupted", e);
        }
    }

    static JsonMapper json() {
        return JSON;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private Optional<JsonNode> send(HttpRequest.Builder request, String path, boolean conflictIsEmpty) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (conflictIsEmpty && response.statusCode() == 409) {
                return Optional.empty();
            }
            if (response.statusCode() / 100 != 2) {
                throw new StackStartException("Seeding failed: " + path + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return Optional.of(response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new StackStartException("Seeding failed: " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("Interrupted while seeding", e);
        }
    }
}
