package io.hirepipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Against a real HTTP server that echoes what it received and answers like a Hirepipe service. */
class HttpApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static HttpServer server;
    private static HttpApi api;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", exchange -> respond(exchange, 200, "application/json", echo(exchange)));
        server.createContext("/created", exchange -> {
            exchange.getResponseHeaders().set("Location", "/api/things/t-1");
            respond(exchange, 201, "application/json", "{\"id\":\"t-1\"}");
        });
        server.createContext("/empty", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/missing", exchange -> respond(exchange, 404, "application/problem+json",
                "{\"type\":\"https://hirepipe.io/problems/not-found\",\"title\":\"Not found\",\"status\":404}"));
        server.createContext("/foreign-problem", exchange -> respond(exchange, 400, "application/problem+json",
                "{\"type\":\"about:blank\",\"status\":400}"));
        server.createContext("/status-disagrees", exchange -> respond(exchange, 409, "application/problem+json",
                "{\"type\":\"https://hirepipe.io/problems/conflict\",\"status\":400}"));
        server.createContext("/plain-error", exchange -> respond(exchange, 500, "application/json",
                "{\"type\":\"https://hirepipe.io/problems/internal\",\"status\":500}"));
        server.start();
        api = HttpApi.at("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void aGetSendsNoBodyNoContentTypeAndNoAuthorization() {
        JsonNode received = api.get("/echo?limit=2").expect(200);

        assertThat(received.get("method").asString()).isEqualTo("GET");
        assertThat(received.get("path").asString()).isEqualTo("/echo?limit=2");
        assertThat(received.get("body").asString()).isEmpty();
        assertThat(received.get("contentType").isNull()).isTrue();
        assertThat(received.get("authorization").isNull()).isTrue();
    }

    @Test
    void objectsGoAsJsonStringsAsTheyAreAndNullAsNoBody() {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("title", "Indexes");
        question.put("tags", List.of("db"));

        JsonNode posted = api.post("/echo", question).expect(200);
        JsonNode put = api.put("/echo", "{\"broken\": ").expect(200);
        JsonNode postedEmpty = api.post("/echo", null).expect(200);

        assertThat(posted.get("method").asString()).isEqualTo("POST");
        assertThat(posted.get("contentType").asString()).isEqualTo("application/json");
        assertThat(JSON.readTree(posted.get("body").asString())).isEqualTo(JSON.valueToTree(question));
        assertThat(put.get("method").asString()).isEqualTo("PUT");
        assertThat(put.get("body").asString()).isEqualTo("{\"broken\": ");
        assertThat(postedEmpty.get("body").asString()).isEmpty();
        assertThat(postedEmpty.get("contentType").isNull()).isTrue();
        assertThat(api.delete("/echo").expect(200).get("method").asString()).isEqualTo("DELETE");
        assertThat(api.send("PATCH", "/echo", "{}").expect(200).get("method").asString()).isEqualTo("PATCH");
    }

    @Test
    void authorizationAndHeadersAreSentByTheCopyThatHasThem() {
        HttpApi withToken = api.withBearer("jwt-1");

        assertThat(withToken.get("/echo").expect(200).get("authorization").asString()).isEqualTo("Bearer jwt-1");
        assertThat(withToken.withBearer("jwt-2").get("/echo").expect(200).get("authorization").asString())
                .as("replaced, not repeated").isEqualTo("Bearer jwt-2");
        assertThat(withToken.withAuthorization("Basic dXNlcjpwYXNz").get("/echo").expect(200)
                .get("authorization").asString()).isEqualTo("Basic dXNlcjpwYXNz");
        assertThat(withToken.withBearer(null).get("/echo").expect(200).get("authorization").isNull()).isTrue();
        assertThat(api.get("/echo").expect(200).get("authorization").isNull()).as("the original is unchanged").isTrue();
        assertThat(api.withHeader("X-Correlation-Id", "req-1").get("/echo").expect(200).get("correlationId")
                .asString()).isEqualTo("req-1");
    }

    @Test
    void aResponseCarriesStatusContentTypeBodyAndHeaders() {
        HttpApi.Response created = api.post("/created", Map.of("name", "t"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).isEqualTo("application/json");
        assertThat(created.json().get("id").asString()).isEqualTo("t-1");
        assertThat(created.location()).hasValue("/api/things/t-1");
        assertThat(created.header("location")).hasValue("/api/things/t-1");
        assertThat(created.isProblem()).isFalse();
        assertThat(created.toString()).isEqualTo("HTTP 201 {\"id\":\"t-1\"}");
    }

    @Test
    void expectFailsWithTheBodyInTheMessage() {
        HttpApi.Response missing = api.get("/missing");

        assertThatThrownBy(() -> missing.expect(200))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected HTTP 200 but got HTTP 404")
                .hasMessageContaining("https://hirepipe.io/problems/not-found");
    }

    @Test
    void expectReadsABlankBodyAsAnEmptyObject() {
        HttpApi.Response empty = api.get("/empty");

        assertThat(empty.expect(204).isEmpty()).isTrue();
        assertThat(empty.contentType()).isEmpty();
    }

    @Test
    void aHirepipeProblemIsRecognisedByStatusAndType() {
        HttpApi.Response missing = api.get("/missing");

        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.problem(404).get("title").asString()).isEqualTo("Not found");
        assertThat(missing.problem(404, "not-found").get("status").asInt()).isEqualTo(404);
        assertThatThrownBy(() -> missing.problem(404, "forbidden"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("problems/forbidden");
        assertThatThrownBy(() -> missing.problem(403)).isInstanceOf(AssertionError.class);
    }

    @Test
    void whatIsNotAHirepipeProblemFailsTheProblemAssertion() {
        assertThatThrownBy(() -> api.get("/foreign-problem").problem(400))
                .isInstanceOf(AssertionError.class).hasMessageContaining("about:blank");
        assertThatThrownBy(() -> api.get("/status-disagrees").problem(409))
                .isInstanceOf(AssertionError.class).hasMessageContaining("status member");
        assertThatThrownBy(() -> api.get("/plain-error").problem(500))
                .isInstanceOf(AssertionError.class).hasMessageContaining("application/problem+json");
        assertThatThrownBy(() -> api.get("/echo").problem(200)).isInstanceOf(AssertionError.class);
    }

    @Test
    void jsonOfAStringIsTheStringAndOfAnObjectItsJson() {
        assertThat(HttpApi.json("{\"a\":1}")).isEqualTo("{\"a\":1}");
        assertThat(HttpApi.json(Map.of("a", 1))).isEqualTo("{\"a\":1}");
        assertThat(api.baseUrl()).doesNotEndWith("/");
    }

    private static String echo(HttpExchange exchange) throws IOException {
        Map<String, Object> received = new LinkedHashMap<>();
        received.put("method", exchange.getRequestMethod());
        received.put("path", exchange.getRequestURI().toString());
        received.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
        received.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        received.put("correlationId", exchange.getRequestHeaders().getFirst("X-Correlation-Id"));
        received.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        return JSON.writeValueAsString(received);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (exchange) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
