package io.hirepipe.localstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What a platform developer does with curl, in Java: JSON over HTTP against the gateway. */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String authHeader;
    private final String authValue;

    private ApiClient(URI base, String authHeader, String authValue) {
        this.base = base;
        this.authHeader = authHeader;
        this.authValue = authValue;
    }

    static ApiClient anonymous(URI base) {
        return new ApiClient(base, null, null);
    }

    ApiClient withBearer(String token) {
        return new ApiClient(base, "Authorization", "Bearer " + token);
    }

    ApiClient withApiKey(String key) {
        return new ApiClient(base, "X-Api-Key", key);
    }

    Response get(String path) {
        return send(builder(path).GET());
    }

    Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    Response put(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (authHeader != null) {
            builder.header(authHeader, authValue);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new AssertionError("HTTP call failed: " + e, e);
        }
    }

    record Response(int status, String body, String contentType) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        JsonNode expect(int expected) {
            assertThat(status).as("HTTP status; body: %s", body).isEqualTo(expected);
            return body.isBlank() ? JSON.createObjectNode() : json();
        }
    }
}
