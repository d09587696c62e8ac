package io.hirepipe.defaults.web;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.TestGatewayKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Kubernetes Spring Boot would believe X-Forwarded-* from anyone (its native strategy); a service behind the
 * gateway believes nothing a client could have written, wherever it runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=defaults-test",
        "hirepipe.security.internal-token.secret=a-test-secret-that-is-long-enough-for-hs256",
        "spring.main.cloud-platform=kubernetes"})
class ForwardedHeadersTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gatewayKeys(DynamicPropertyRegistry registry) {
        registry.add("hirepipe.security.internal-token.jwk-set-uri", TestGatewayKeys::jwkSetUri);
    }

    @Test
    void forwardedHeadersDoNotChangeWhereARequestCameFromEvenOnKubernetes() {
        String token = new InternalTokenIssuer(InternalTokenIssuer.parseKeys(TestGatewayKeys.signingKeysJson()),
                "hirepipe", Duration.ofSeconds(60), Clock.systemUTC())
                .issue(Caller.recruiter("tenant-a", "user-1", "rita@example.com"), "defaults-test");

        JsonNode seen = HttpApi.at("http://localhost:" + port).withBearer(token)
                .withHeader("X-Forwarded-For", "203.0.113.9").withHeader("X-Forwarded-Proto", "https")
                .withHeader("X-Forwarded-Host", "evil.example")
                .get("/api/whoami").expect(200);

        assertThat(seen.get("remoteAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(seen.get("scheme").asString()).isEqualTo("http");
        assertThat(seen.get("host").asString()).isEqualTo("localhost");
    }
}
