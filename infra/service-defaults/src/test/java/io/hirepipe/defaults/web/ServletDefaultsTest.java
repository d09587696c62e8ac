package io.hirepipe.defaults.web;

import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives a real embedded Tomcat over HTTP: what a client of any Hirepipe service meets. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=defaults-test",
        "hirepipe.security.internal-token.secret=a-test-secret-that-is-long-enough-for-hs256",
        "hirepipe.http.max-request-body=1KB"})
class ServletDefaultsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    InternalToken tokens;

    private String recruiterToken() {
        return tokens.issue(Caller.recruiter("tenant-a", "user-1", "rita@example.com"));
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problemOf(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("https://hirepipe.io/problems/");
        return problem;
    }

    @Test
    void aValidRequestReachesTheControllerWithItsCaller() throws Exception {
        HttpResponse<String> response = post("/api/widgets", "{\"name\":\"w\",\"size\":2}", recruiterToken());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("tenant").asString()).isEqualTo("tenant-a");
        assertThat(body.get("kind").asString()).isEqualTo("RECRUITER");
    }

    @Test
    void aRequestWithoutTheGatewayTokenIsRefused() throws Exception {
        JsonNode problem = problemOf(post("/api/widgets", "{\"name\":\"w\",\"size\":2}", null), 401);
        assertThat(problem.get("detail").asString()).contains("gateway");
    }

    @Test
    void aForgedTokenIsRefused() throws Exception {
        String forged = recruiterToken().substring(0, recruiterToken().lastIndexOf('.')) + ".AAAA";
        problemOf(post("/api/widgets", "{\"name\":\"w\",\"size\":2}", forged), 401);
    }

    @Test
    void aCallerOfTheWrongKindIsForbidden() throws Exception {
        String candidate = tokens.issue(Caller.candidate("tenant-a", "inv-1"));
        problemOf(post("/api/widgets", "{\"name\":\"w\",\"size\":2}", candidate), 403);
    }

    @Test
    void malformedJsonIsABadRequestThatSaysSo() throws Exception {
        JsonNode problem = problemOf(post("/api/widgets", "{\"name\": \"w\",", recruiterToken()), 400);
        assertThat(problem.get("detail").asString()).containsIgnoringCase("malformed json");
    }

    @Test
    void aWrongTypeNamesTheField() throws Exception {
        JsonNode problem = problemOf(post("/api/widgets", "{\"name\":\"w\",\"size\":\"big\"}", recruiterToken()), 400);
        assertThat(problem.get("detail").asString()).contains("size");
    }

    @Test
    void operatorInjectionIsRefusedAsAWrongType() throws Exception {
        JsonNode problem = problemOf(post("/api/widgets", "{\"name\":{\"$gt\":\"\"},\"size\":1}", recruiterToken()), 400);
        assertThat(problem.get("detail").asString()).contains("name").contains("string");
    }

    @Test
    void validationErrorsListEveryField() throws Exception {
        JsonNode problem = problemOf(post("/api/widgets", "{\"name\":\"\",\"size\":0,\"owner\":\"nope\"}",
                recruiterToken()), 400);
        assertThat(problem.get("errors")).hasSize(3);
        assertThat(problem.get("detail").asString()).contains("name").contains("size").contains("owner");
    }

    @Test
    void anOversizeBodyIsRefusedWith413() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(2048) + "\",\"size\":1}";
        JsonNode problem = problemOf(post("/api/widgets", big, recruiterToken()), 413);
        assertThat(problem.get("detail").asString()).contains("1024");
    }

    @Test
    void anUnknownIdIsA404Problem() throws Exception {
        JsonNode problem = problemOf(get("/api/widgets/w-404", recruiterToken()), 404);
        assertThat(problem.get("detail").asString()).contains("w-404");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/widgets/w-404");
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        problemOf(get("/api/nothing-here", recruiterToken()), 404);
    }

    @Test
    void aBugIsA500ThatRevealsNothingInternal() throws Exception {
        HttpResponse<String> response = get("/api/boom", recruiterToken());
        JsonNode problem = problemOf(response, 500);
        assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
        assertThat(problem.get("correlationId").asString()).isNotBlank();
    }

    @Test
    void theCorrelationIdIsAdoptedEchoedAndPutInProblems() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/widgets/w-1"))
                .header("Authorization", "Bearer " + recruiterToken())
                .header(CorrelationId.HEADER, "req-123")
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue(CorrelationId.HEADER)).hasValue("req-123");
        assertThat(JSON.readTree(response.body()).get("correlationId").asString()).isEqualTo("req-123");
    }

    @Test
    void aHostileCorrelationIdIsReplaced() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .header(CorrelationId.HEADER, "evil ${jndi:ldap://x}")
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue(CorrelationId.HEADER)).hasValueSatisfying(
                id -> assertThat(id).doesNotContain("jndi").hasSize(36));
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposedAndOpen() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(200);
        HttpResponse<String> prometheus = get("/actuator/prometheus", null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("application=\"defaults-test\"");
        assertThat(get("/actuator/env", recruiterToken()).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/beans", recruiterToken()).statusCode()).isEqualTo(404);
    }
}
