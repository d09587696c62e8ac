package io.hirepipe.defaults.web;

import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.testkit.TestGatewayKeys;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import java.time.Clock;
import java.time.Duration;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deployments switch on JSON logs with Boot's own property (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs in
 * the compose file and the Kubernetes ConfigMap); the local stack leaves it unset and keeps the
 * readable pattern. This shows a service's log line in that mode is one JSON object that carries the
 * request's correlation id from the MDC.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=structured-log-test",
        "hirepipe.security.internal-token.secret=a-test-secret-that-is-long-enough-for-hs256",
        "logging.structured.format.console=ecs"})
class StructuredLoggingTest {

    @LocalServerPort
    int port;

    private final InternalTokenIssuer gateway = new InternalTokenIssuer(
            InternalTokenIssuer.parseKeys(TestGatewayKeys.signingKeysJson()), "hirepipe", Duration.ofSeconds(60),
            Clock.systemUTC());

    @DynamicPropertySource
    static void gatewayKeys(DynamicPropertyRegistry registry) {
        registry.add("hirepipe.security.internal-token.jwk-set-uri", TestGatewayKeys::jwkSetUri);
    }

    @Test
    void anErrorIsLoggedAsOneJsonObjectWithTheCorrelationId(CapturedOutput output) {
        String correlationId = "json-log-" + System.nanoTime();
        HttpApi.at("http://localhost:" + port)
                .withBearer(gateway.issue(Caller.recruiter("tenant-a", "user-1", "rita@example.com"), "structured-log-test"))
                .withHeader(CorrelationId.HEADER, correlationId)
                .get("/api/boom").problem(500);

        String line = output.getOut().lines().filter(l -> l.contains(correlationId)).findFirst().orElseThrow(
                () -> new AssertionError("No log line with the correlation id in:\n" + output.getOut()));
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("correlationId").asString()).isEqualTo(correlationId);
        assertThat(json.at("/log/level").asString()).isEqualTo("ERROR");
        assertThat(json.at("/service/name").asString()).isEqualTo("structured-log-test");
        assertThat(json.get("message").asString()).startsWith("Unexpected error while handling");
    }
}
