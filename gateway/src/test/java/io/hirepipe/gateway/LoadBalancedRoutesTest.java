package io.hirepipe.gateway;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.hirepipe.testkit.Infra;
import io.hirepipe.testkit.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of a service behind {@code lb://} routes over a static instance list (the local stack's
 * {@code --instances 2}): the routes, the candidate token exchange (the gateway's own call) and the API
 * description all reach both instances.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hirepipe.gateway.jwt.secret=test-only-gateway-edge-token-secret-0123456789",
        "hirepipe.bootstrap.tenant-id=t-lb",
        "hirepipe.bootstrap.tenant-name=LB Corp",
        "hirepipe.bootstrap.recruiter-email=recruiter@lb.test",
        "hirepipe.bootstrap.recruiter-password=" + LoadBalancedRoutesTest.PASSWORD,
        "hirepipe.gateway.services.question-service=lb://question-service",
        "hirepipe.gateway.services.assessment-service=lb://assessment-service",
        "hirepipe.gateway.docs.cache-for=0s",
        "logging.level.io.hirepipe.gateway.access=WARN",
        "management.server.port=0",
        // its own audit consumer group: AuditLogTest's context must get every audit record it publishes
        "hirepipe.gateway.audit.consumer-group=load-balanced-routes-test"})
// Kafka too, as every gateway context has it: without a broker its KafkaAdmin waits out its 30 s timeout at start.
@UsesInfrastructure({Infra.MONGO, Infra.KAFKA})
class LoadBalancedRoutesTest {

    static final String PASSWORD = "load balanced passphrase";
    private static final String REDEEM = "/internal/invitations/redeem";

    static final StubService QUESTIONS_1 = StubService.start("question-service-1");
    static final StubService QUESTIONS_2 = StubService.start("question-service-2");
    static final StubService ASSESSMENTS_1 = StubService.start("assessment-service-1");
    static final StubService ASSESSMENTS_2 = StubService.start("assessment-service-2");
    static final StubService SCORING = StubService.start("scoring-service");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) throws Exception {
        String prefix = "spring.cloud.discovery.client.simple.instances.";
        registry.add(prefix + "question-service[0].uri", () -> QUESTIONS_1.uri().toString());
        registry.add(prefix + "question-service[1].uri", () -> QUESTIONS_2.uri().toString());
        registry.add(prefix + "assessment-service[0].uri", () -> ASSESSMENTS_1.uri().toString());
        registry.add(prefix + "assessment-service[1].uri", () -> ASSESSMENTS_2.uri().toString());
        registry.add("hirepipe.gateway.services.scoring-service", () -> SCORING.uri().toString());
        registry.add("hirepipe.gateway.services.notification-service", () -> SCORING.uri().toString());
        String signingKeys = new JWKSet(new RSAKeyGenerator(2048).keyID("lb-test").generate()).toString(false);
        registry.add("hirepipe.gateway.internal-token.signing-keys", () -> signingKeys);
    }

    @LocalServerPort
    int port;

    @Test
    void requestsToALoadBalancedRouteReachBothInstances() throws Exception {
        String token = JsonMapper.builder().build().readTree(send(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"recruiter@lb.test\",\"password\":\"" + PASSWORD + "\"}")))
                .body()).get("token").asString();

        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/questions/q-" + i))
                    .header("Authorization", "Bearer " + token).GET());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        assertThat(QUESTIONS_1.requestsTo("/api/questions/q-0").size() + QUESTIONS_1.requestsTo("/api/questions/q-1").size()
                + QUESTIONS_1.requestsTo("/api/questions/q-2").size() + QUESTIONS_1.requestsTo("/api/questions/q-3").size())
                .as("round robin over two instances").isEqualTo(2);
        assertThat(QUESTIONS_2.requestsTo("/api/questions/q-0").size() + QUESTIONS_2.requestsTo("/api/questions/q-1").size()
                + QUESTIONS_2.requestsTo("/api/questions/q-2").size() + QUESTIONS_2.requestsTo("/api/questions/q-3").size())
                .isEqualTo(2);
    }

    @Test
    void theGatewaysOwnCallsToALoadBalancedServiceReachAnInstance() throws Exception {
        String redeemed = "{\"tenantId\":\"t-lb\",\"invitationId\":\"inv-1\",\"status\":\"INVITED\",\"expiresAt\":\""
                + Instant.now().plus(Duration.ofDays(1)) + "\"}";
        ASSESSMENTS_1.reply(REDEEM, request -> StubService.Reply.json(200, redeemed));
        ASSESSMENTS_2.reply(REDEEM, request -> StubService.Reply.json(200, redeemed));

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/auth/candidate"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"invitationToken\":\"tok-" + UUID.randomUUID() + "\"}")));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        assertThat(ASSESSMENTS_1.requestsTo(REDEEM).size() + ASSESSMENTS_2.requestsTo(REDEEM).size()).isEqualTo(2);

        HttpResponse<String> docs = send(HttpRequest.newBuilder(uri("/api/docs/openapi.json")).GET());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(QUESTIONS_1.requestsTo("/v3/api-docs").size() + QUESTIONS_2.requestsTo("/v3/api-docs").size())
                .as("the API description is fetched through the load balancer").isPositive();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
