package io.hirepipe.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over real HTTP against one base URL, the way a client of a Hirepipe service calls it: java.net.http, so a
 * test goes through the servlet container, filters and security like any request. Immutable: {@code with...}
 * returns a copy, so one instance per caller can be kept or made on the fly.
 *
 * <pre>{@code
 * HttpApi api = HttpApi.at("http://localhost:" + port);
 * JsonNode created = api.withBearer(token).post("/api/questions", Map.of("title", "Indexes")).expect(201);
 * api.get("/api/questions").problem(401, "unauthenticated");
 * }</pre>
 *
 * <p>Bodies: a {@code String} is sent as it is (to send broken JSON on purpose), {@code null} sends no body, any
 * other object is written as JSON. Assertions fail with an {@link AssertionError} that shows the response body.
 */
public final class HttpApi {

    /** Where the type URIs of Hirepipe's problem responses (RFC 9457) start. */
    public static final String PROBLEM_TYPE_PREFIX = "https://hirepipe.io/problems/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // One client for every instance: it is thread-safe, and a client per call would leave selector threads behind.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUrl;
    private final Map<String, String> headers;

    private HttpApi(URI baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    /** @param baseUrl scheme, host and port, e.g. {@code http://localhost:8081}; request paths are appended to it */
    public static HttpApi at(String baseUrl) {
        return new HttpApi(URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl),
                Map.of());
    }

    /** A copy that sends {@code Authorization: <value>}; null sends none. */
    public HttpApi withAuthorization(String value) {
        return withHeader("Authorization", value);
    }

    /** A copy that sends {@code Authorization: Bearer <token>}; a null token sends no Authorization header. */
    public HttpApi withBearer(String token) {
        return withAuthorization(token == null ? null : "Bearer " + token);
    }

    /** A copy that sends this header with every request (replacing one of the same name); null removes it. */
    public HttpApi withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        if (value != null) {
            copy.put(name, value);
        }
        return new HttpApi(baseUrl, copy);
    }

    public String baseUrl() {
        return baseUrl.toString();
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /**
     * @param path appended to the base URL as it is: encode query parameters yourself
     * @param body a String as it is, null for none, anything else as JSON
     */
    public Response send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT);
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        }
        return exchange(request, method, path);
    }

    private static Response exchange(HttpRequest.Builder request, String method, String path) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " was interrupted", e);
        }
    }

    /**
     * Sends {@code body} exactly as given with the Content-Type given, to test what a client gets for the wrong one.
     *
     * @param contentType sent as the Content-Type header; null sends none
     * @param body        sent as it is; null sends no body
     */
    public Response sendRaw(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT);
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return exchange(request, method, path);
    }

    /** {@code value} as JSON text; a String is taken to be JSON already. */
    public static String json(Object value) {
        return value instanceof String raw ? raw : JSON.writeValueAsString(value);
    }

    /**
     * What came back.
     *
     * @param contentType the Content-Type header, or "" when there is none
     * @param body        the body as text, "" when there is none
     */
    public record Response(int status, String contentType, String body, HttpHeaders headers) {

        /** The body as a JSON tree. */
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** An RFC 9457 problem, as every Hirepipe error is. */
        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public Optional<String> location() {
            return header("Location");
        }

        /** Fails unless the status is {@code expected}; returns the body as JSON (an empty object when blank). */
        public JsonNode expect(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected HTTP " + expected + " but got " + this);
            }
            return body.isBlank() ? JSON.createObjectNode() : json();
        }

        /**
         * Fails unless this is a problem response of status {@code expected} whose {@code status} member agrees and
         * whose {@code type} is a Hirepipe problem type; returns the problem.
         */
        public JsonNode problem(int expected) {
            JsonNode problem = expect(expected);
            if (!isProblem()) {
                throw new AssertionError("Expected an application/problem+json response but got '" + contentType
                        + "': " + this);
            }
            if (problem.path("status").asInt() != expected) {
                throw new AssertionError("The problem's status member is not " + expected + ": " + this);
            }
            if (!problem.path("type").asString("").startsWith(PROBLEM_TYPE_PREFIX)) {
                throw new AssertionError("The problem's type is not under " + PROBLEM_TYPE_PREFIX + ": " + this);
            }
            return problem;
        }

        /** As {@link #problem(int)}, and the type is exactly {@value HttpApi#PROBLEM_TYPE_PREFIX}{@code <typeSlug>}. */
        public JsonNode problem(int expected, String typeSlug) {
            JsonNode problem = problem(expected);
            String type = problem.path("type").asString();
            if (!type.equals(PROBLEM_TYPE_PREFIX + typeSlug)) {
                throw new AssertionError("Expected problem type " + PROBLEM_TYPE_PREFIX + typeSlug + " but got "
                        + type + ": " + this);
            }
            return problem;
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }
}
