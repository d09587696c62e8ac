package io.hirepipe.assessment.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Real HTTP to the service under test, as the gateway would send it. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public Api(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** Asserts an RFC 9457 problem with this status and returns it. */
        public JsonNode problem(int expectedStatus) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            assertThat(headers.firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = json();
            assertThat(problem.get("status").asInt()).as(body).isEqualTo(expectedStatus);
            assertThat(problem.has("type")).as(body).isTrue();
            return problem;
        }

        /** Asserts a problem of this status and type slug ("https://hirepipe.io/problems/<slug>"). */
        public JsonNode problem(int expectedStatus, String typeSlug) {
            JsonNode problem = problem(expectedStatus);
            assertThat(problem.get("type").asString()).isEqualTo("https://hirepipe.io/problems/" + typeSlug);
            return problem;
        }

        public JsonNode ok() {
            assertThat(status).as("status of %s", body).isEqualTo(200);
            return json();
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, String body, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String body, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
