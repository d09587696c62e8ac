package io.hirepipe.gateway;

import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.CallerKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.boot.test.web.server.LocalManagementPort;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing, identity at the edge, header hygiene, correlation ids and the gateway's own errors. */
class ProxyTest extends GatewayTestSupport {

    @Test
    void recruiterRequestReachesTheServiceWithAnInternalTokenInsteadOfTheClientsCredentials() {
        String token = acmeRecruiterToken();
        String correlationId = "req-" + UUID.randomUUID();

        HttpResponse<String> response = send(request("/api/v1/questions/q-1?tag=java&page=2")
                .header("Authorization", bearer(token))
                .header("X-Api-Key", "hp_aaaaaaaaaaaaaaaa_forged")
                .header("X-Hirepipe-Tenant", GLOBEX)
                .header("X-Hirepipe-Caller-Kind", "SERVICE")
                .header("X-User-Id", "usr_admin")
                .header("Cookie", "session=stolen")
                .header("X-Request-Purpose", "kept")
                .header(CorrelationId.HEADER, correlationId)
                .GET());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("service").asString()).isEqualTo("question-service");
        assertThat(response.headers().firstValue(CorrelationId.HEADER)).hasValue(correlationId);

        StubService.Received received = QUESTIONS.lastRequestTo("/api/questions/q-1");
        assertThat(received.query()).isEqualTo("tag=java&page=2");
        Caller caller = forwardedCaller(received);
        assertThat(caller.tenantId()).isEqualTo(ACME);
        assertThat(caller.kind()).isEqualTo(CallerKind.RECRUITER);
        assertThat(caller.email()).isEqualTo("recruiter@acme.test");
        assertThat(caller.subject()).startsWith("usr_");
        assertThat(received.header("Authorization")).doesNotContain(token);
        assertThat(received.headers().keySet()).noneMatch(name -> name.equalsIgnoreCase("X-Api-Key")
                || name.toLowerCase().startsWith("x-hirepipe-") || name.equalsIgnoreCase("Cookie")
                || name.equalsIgnoreCase("X-User-Id"));
        assertThat(received.header("X-Request-Purpose")).isEqualTo("kept");
        assertThat(received.header(CorrelationId.HEADER)).isEqualTo(correlationId);
    }

    @Test
    void aMissingOrUnsafeCorrelationIdIsReplacedByAFreshOneThatIsForwardedAndEchoed() {
        String token = acmeRecruiterToken();

        HttpResponse<String> response = get("/api/v1/tests", "Authorization", bearer(token),
                CorrelationId.HEADER, "evil id with spaces {and braces}");

        String echoed = response.headers().firstValue(CorrelationId.HEADER).orElseThrow();
        assertThat(echoed).isNotEqualTo("evil id with spaces {and braces}").matches("[A-Za-z0-9._:-]{1,64}");
        assertThat(QUESTIONS.lastRequestTo("/api/tests").header(CorrelationId.HEADER)).isEqualTo(echoed);

        HttpResponse<String> without = get("/api/v1/tests", "Authorization", bearer(token));
        assertThat(without.headers().firstValue(CorrelationId.HEADER)).hasValueSatisfying(
                id -> assertThat(UUID.fromString(id)).isNotNull());
    }

    @Test
    void eachRouteLeadsToItsService() {
        String token = acmeRecruiterToken();

        assertThat(json(get("/api/v1/tests/t-1", "Authorization", bearer(token))).get("service").asString())
                .isEqualTo("question-service");
        assertThat(json(get("/api/v1/invitations", "Authorization", bearer(token))).get("service").asString())
                .isEqualTo("assessment-service");
        assertThat(json(get("/api/v1/results/s-1", "Authorization", bearer(token))).get("service").asString())
                .isEqualTo("scoring-service");
        assertThat(json(get("/api/v1/operations/scoring/dead-letters", "Authorization", bearer(token))).get("service")
                .asString()).isEqualTo("scoring-service");
    }

    @Test
    void requestsWithoutCredentialsAreRefused() {
        HttpResponse<String> response = get("/api/v1/questions");

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(response.headers().firstValue(CorrelationId.HEADER)).isPresent();
    }

    @Test
    void recruitersAndPlatformClientsCannotUseTheCandidateApi() {
        assertProblem(get("/api/v1/candidate/assessment", "Authorization", bearer(acmeRecruiterToken())), 403);
        assertThat(ASSESSMENTS.requestsTo("/api/candidate/assessment")).isEmpty();
    }

    @Test
    void internalEndpointsAreNeverReachableFromOutside() {
        String token = acmeRecruiterToken();

        assertProblem(postJson("/internal/invitations/redeem", "{\"token\":\"abc\"}"), 404);
        assertProblem(postJson("/internal/invitations/redeem", "{\"token\":\"abc\"}", "Authorization", bearer(token),
                "Content-Type", "application/json"), 404);
        // Path tricks are refused by the firewall before any routing happens.
        assertProblem(get("/api/v1/../internal/invitations/redeem", "Authorization", bearer(token)), 400);
        assertThat(ASSESSMENTS.requestsTo("/internal/invitations/redeem"))
                .noneMatch(request -> request.body().contains("\"abc\""));
    }

    @Test
    void aMalformedBearerTokenIsA401ProblemAndNeverReachesTheService() {
        int before = QUESTIONS.requestsTo("/api/tests").size();

        HttpResponse<String> response = get("/api/v1/tests", "Authorization", "Bearer not a token");

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(QUESTIONS.requestsTo("/api/tests")).hasSize(before);
    }

    @Test
    void aHeaderValueWithAControlCharacterIsRefusedByTheFirewall() throws Exception {
        // A C1 control character (NEL): Netty lets it through as obs-text; Java's HttpClient would not send it.
        String request = "GET /api/v1/tests HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + acmeRecruiterToken() + "\u0085\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("rejected-request");
        }
        assertThat(QUESTIONS.requestsTo("/api/tests")).noneMatch(received -> received.header("Authorization") != null
                && received.header("Authorization").contains("\u0085"));
    }

    @Test
    void unknownPathsAre404Problems() {
        assertProblem(get("/nothing/here"), 404);
        assertProblem(get("/api/v1/unknown-service/x", "Authorization", bearer(acmeRecruiterToken())), 404);
    }

    @Test
    void aServiceThatIsDownIsA503ProblemNamingIt() {
        HttpResponse<String> response = get("/api/v1/notifications", "Authorization", bearer(acmeRecruiterToken()));

        JsonNode problem = assertProblem(response, 503);
        assertThat(problem.get("detail").asString()).contains("notification-service");
        assertThat(problem.get("correlationId").asString())
                .isEqualTo(response.headers().firstValue(CorrelationId.HEADER).orElseThrow());
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsA504Problem() {
        SCORING.reply("/api/results/slow", request -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return StubService.Reply.json(200, "{}");
        });

        JsonNode problem = assertProblem(get("/api/v1/results/slow", "Authorization", bearer(acmeRecruiterToken())), 504);
        assertThat(problem.get("type").asString()).endsWith("/downstream-timeout");
        assertThat(problem.get("detail").asString()).contains("scoring-service").contains("2000 ms");
        assertThat(problem.get("service").asString()).isEqualTo("scoring-service");
    }

    /** The limit above is the routing client's read timeout, on its event loop: no Reactor timer per proxied request. */
    @Test
    void theResponseTimeLimitIsTheRoutingClientsOwnNotATimerPerRequest(@Autowired HttpClient routingClient,
                                                                       @Autowired HttpClientProperties gatewayClient) {
        assertThat(routingClient.configuration().responseTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(gatewayClient.getResponseTimeout()).isNull();
    }

    @Test
    void aDownstreamProblemPassesThroughUnchanged() {
        String downstreamProblem = "{\"type\":\"https://hirepipe.io/problems/conflict\",\"title\":\"Conflict\","
                + "\"status\":409,\"detail\":\"Question q-9 is already published.\"}";
        QUESTIONS.reply("/api/questions/q-9/publish", request -> StubService.Reply.problem(409, downstreamProblem));

        HttpResponse<String> response = postJson("/api/v1/questions/q-9/publish", "{}",
                "Authorization", bearer(acmeRecruiterToken()));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo(downstreamProblem);
    }

    @Test
    void anOversizeBodyIsRefusedAtTheEdgeAndNeverForwarded() {
        String huge = "{\"prompt\":\"" + "y".repeat(1_100_000) + "\"}";

        assertProblem(postJson("/api/v1/questions/oversize", huge, "Authorization", bearer(acmeRecruiterToken())), 413);
        assertThat(QUESTIONS.requestsTo("/api/questions/oversize")).isEmpty();
    }

    @Test
    void aBodyWithinTheLimitIsForwardedIntact() {
        String body = "{\"prompt\":\"" + "z".repeat(300_000) + "\"}";

        HttpResponse<String> response = send(request("/api/v1/questions/large")
                .header("Authorization", bearer(acmeRecruiterToken()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(QUESTIONS.lastRequestTo("/api/questions/large").body()).isEqualTo(body);
    }

    /**
     * Guards the Reactor Netty override in pom.xml: with 1.3.6 a kept-alive connection could stop
     * being read when a response finished on another thread (a MongoDB lookup, a proxied call), and
     * about one request in a hundred of this mix hung until the client gave up.
     */
    @Test
    void keptAliveConnectionsServeEveryRequestOfAMixedSequence() {
        String token = acmeRecruiterToken();
        String key = ApiKeyTest.createKey(this, token, "keep-alive", "questions:read").get("key").asString();
        String unknownKey = "hp_zzzzzzzzzzzzzzzz_" + "A".repeat(43);
        java.util.List<Integer> statuses = new java.util.ArrayList<>();

        for (int i = 0; i < 600; i++) {
            HttpResponse<String> response = switch (i % 6) {
                case 0 -> get("/api/v1/questions/keep-alive", "Authorization", bearer(token));
                case 1 -> get("/api/v1/api-keys", "Authorization", bearer(token));
                case 2 -> get("/api/v1/questions/keep-alive", "X-Api-Key", key);
                case 3 -> get("/api/v1/questions/keep-alive", "X-Api-Key", unknownKey);
                case 4 -> get("/api/v1/candidate/keep-alive", "Authorization", bearer(token));
                default -> postJson("/api/v1/api-keys", "{\"name\": 5}", "Authorization", bearer(token));
            };
            statuses.add(response.statusCode());
        }

        assertThat(statuses).hasSize(600).containsOnly(200, 401, 403, 400);
    }

    /** No trace endpoint is set in these tests: the gateway records no trace of its own (TracingOnlyWhenExported). */
    @Test
    void withoutATraceEndpointAClientsTraceparentIsForwardedAsItCameAndTheGatewayAddsNoneOfItsOwn() {
        String token = acmeRecruiterToken();
        String traceparent = "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";

        assertThat(get("/api/v1/questions/traced", "Authorization", bearer(token), "traceparent", traceparent)
                .statusCode()).isEqualTo(200);
        assertThat(QUESTIONS.lastRequestTo("/api/questions/traced").header("traceparent")).isEqualTo(traceparent);

        assertThat(get("/api/v1/questions/untraced", "Authorization", bearer(token)).statusCode()).isEqualTo(200);
        assertThat(QUESTIONS.lastRequestTo("/api/questions/untraced").headers().keySet())
                .noneMatch(name -> name.equalsIgnoreCase("traceparent"));

        String metrics = send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
                .header("Accept", "text/plain")).body();
        assertThat(metrics).as("requests are still timed, once").containsPattern(
                        "http_server_requests_seconds_count\\{[^}]*route=\"question-service\"[^}]*uri=\"UNKNOWN\"")
                .doesNotContain("spring_cloud_gateway_requests");
    }

    @Test
    void probesArePublicAndMetricsOnTheManagementPortCarryRouteIdsNotPaths() {
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        assertThat(get("/livez").statusCode()).isEqualTo(200);
        get("/api/v1/questions/metric-probe-123", "Authorization", bearer(acmeRecruiterToken()));

        String management = "http://localhost:" + managementPort;
        assertThat(send(HttpRequest.newBuilder(URI.create(management + "/actuator/health/readiness"))).statusCode())
                .isEqualTo(200);
        String metrics = send(HttpRequest.newBuilder(URI.create(management + "/actuator/prometheus"))
                .header("Accept", "text/plain")).body();
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"question-service\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"none\"")
                .as("per route, how many requests met the candidate-facing objectives")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*route=\"question-service\"[^}]*le=\"0.2\"");
        assertThat(metrics).doesNotContain("metric-probe-123");
        assertThat(send(HttpRequest.newBuilder(URI.create(management + "/actuator/env"))).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/prometheus", "Accept", "text/plain").statusCode()).isEqualTo(404);
    }

    @LocalManagementPort
    int managementPort;
}
