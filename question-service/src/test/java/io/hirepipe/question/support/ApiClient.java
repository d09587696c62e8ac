package io.hirepipe.question.support;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** Real HTTP against the running service, as the gateway would call it: with a signed internal token. */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final InternalToken tokens;

    public ApiClient(int port, InternalToken tokens) {
        this.baseUrl = "http://localhost:" + port;
        this.tokens = tokens;
    }

    public Response get(String path, Caller caller) {
        return send("GET", path, caller, null);
    }

    public Response post(String path, Caller caller, Object body) {
        return send("POST", path, caller, body);
    }

    public Response put(String path, Caller caller, Object body) {
        return send("PUT", path, caller, body);
    }

    /**
     * @param caller who calls; null sends no token at all
     * @param body   a String is sent verbatim (to send broken JSON), anything else as JSON; null sends no body
     */
    public Response send(String method, String path, Caller caller, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json, application/problem+json");
        if (caller != null) {
            request.header("Authorization", "Bearer " + tokens.issue(caller));
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String json = body instanceof String raw ? raw : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request.build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location"), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public record Response(int status, String contentType, Optional<String> location, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
