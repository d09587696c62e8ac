package io.hirepipe.gateway;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.hirepipe.testkit.HeldPort;
import io.hirepipe.testkit.Infra;
import io.hirepipe.testkit.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * R10 at the gateway: one of two instances of a service is gone (its port refuses connections, as after a
 * kill). Every request, reads and writes alike, and the gateway's own calls (the candidate token exchange) are
 * answered by the other instance, and the service's breaker stays closed. The dead instance is kept in the rotation here (out-of-rotation-for is a
 * millisecond), so every other request really meets it and fails over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hirepipe.gateway.jwt.secret=test-only-gateway-edge-token-secret-0123456789",
        "hirepipe.bootstrap.tenant-id=t-failover",
        "hirepipe.bootstrap.tenant-name=Failover Corp",
        "hirepipe.bootstrap.recruiter-email=recruiter@failover.test",
        "hirepipe.bootstrap.recruiter-password=" + InstanceFailoverTest.PASSWORD,
        "hirepipe.gateway.services.question-service=lb://question-service",
        "hirepipe.gateway.services.assessment-service=lb://assessment-service",
        "hirepipe.gateway.failover.out-of-rotation-for=1ms",
        "logging.level.io.hirepipe.gateway.access=WARN",
        "management.server.port=0",
        // its own audit consumer group: AuditLogTest's context must get every audit record it publishes
        "hirepipe.gateway.audit.consumer-group=instance-failover-test"})
// Kafka too, as every gateway context has it: without a broker its KafkaAdmin waits out its 30 s timeout at start.
@UsesInfrastructure({Infra.MONGO, Infra.KAFKA})
class InstanceFailoverTest {

    static final String PASSWORD = "failover passphrase";
    private static final int REQUESTS = 24;
    private static final String REDEEM = "/internal/invitations/redeem";

    static final StubService LIVE = StubService.start("question-service-live");
    static final StubService ASSESSMENTS = StubService.start("assessment-service-live");
    static final StubService OTHERS = StubService.start("other-services");
    /**
     * Connections to it are refused, as to a killed instance. Held for the whole run: a port merely found free
     * could be taken meanwhile, and the dead instance would answer.
     */
    static final URI DEAD = URI.create("http://127.0.0.1:" + HeldPort.any().port());

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) throws Exception {
        String prefix = "spring.cloud.discovery.client.simple.instances.question-service";
        registry.add(prefix + "[0].uri", DEAD::toString);
        registry.add(prefix + "[1].uri", () -> LIVE.uri().toString());
        registry.add("spring.cloud.discovery.client.simple.instances.assessment-service[0].uri", DEAD::toString);
        registry.add("spring.cloud.discovery.client.simple.instances.assessment-service[1].uri",
                () -> ASSESSMENTS.uri().toString());
        registry.add("hirepipe.gateway.services.scoring-service", () -> OTHERS.uri().toString());
        registry.add("hirepipe.gateway.services.notification-service", () -> OTHERS.uri().toString());
        String signingKeys = new JWKSet(new RSAKeyGenerator(2048).keyID("failover-test").generate()).toString(false);
        registry.add("hirepipe.gateway.internal-token.signing-keys", () -> signingKeys);
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void readsAndWritesMeantForAKilledInstanceAreAnsweredByTheOtherAndTheBreakerStaysClosed() throws Exception {
        String token = login();

        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/v1/questions/q-" + i))
                    .header("Authorization", "Bearer " + token).GET());
            assertThat(read.statusCode()).as("GET %d: %s", i, read.body()).isEqualTo(200);
            String body = "{\"prompt\":\"question " + i + "\"}";
            HttpResponse<String> write = send(HttpRequest.newBuilder(uri("/api/v1/questions"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(write.statusCode()).as("POST %d: %s", i, write.body()).isEqualTo(200);
        }

        assertThat(LIVE.requestsTo("/api/questions")).as("every write arrived once, with its body")
                .extracting(StubService.Received::body).hasSize(REQUESTS)
                .doesNotHaveDuplicates().allMatch(body -> body.startsWith("{\"prompt\":\"question "));
        for (int i = 0; i < REQUESTS; i++) {
            assertThat(LIVE.requestsTo("/api/questions/q-" + i)).hasSize(1);
        }
        CircuitBreaker breaker = breakers.circuitBreaker("question-service");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("no request failed, so none counts").isZero();
    }

    @Test
    void theGatewaysOwnCallsMeantForAKilledInstanceReachTheOther() throws Exception {
        String redeemed = "{\"tenantId\":\"t-failover\",\"invitationId\":\"inv-1\",\"status\":\"INVITED\",\"expiresAt\":\""
                + Instant.now().plus(Duration.ofDays(1)) + "\"}";
        ASSESSMENTS.reply(REDEEM, request -> StubService.Reply.json(200, redeemed));

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> exchanged = send(HttpRequest.newBuilder(uri("/api/v1/auth/candidate"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"invitationToken\":\"tok-" + UUID.randomUUID() + "\"}")));
            assertThat(exchanged.statusCode()).as("exchange %d: %s", i, exchanged.body()).isEqualTo(200);
        }
        assertThat(ASSESSMENTS.requestsTo(REDEEM)).hasSize(6);
    }

    private String login() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"recruiter@failover.test\",\"password\":\"" + PASSWORD + "\"}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body()).get("token").asString();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
