package io.hirepipe.gateway;

import io.hirepipe.defaults.security.Caller;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.hirepipe.defaults.security.InternalToken;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.gateway.security.InternalJwksController;
import io.hirepipe.gateway.identity.BootstrapProperties;
import io.hirepipe.gateway.identity.IdentityBootstrap;
import io.hirepipe.testkit.HeldPort;
import io.hirepipe.testkit.Infra;
import io.hirepipe.testkit.UsesInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One running gateway (random port, real MongoDB from the test kit) in front of real HTTP stub
 * services, shared by every integration test class: they all declare the same configuration, so
 * Spring starts the context once. Tests therefore create their own data and never assume a clean
 * database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hirepipe.gateway.jwt.secret=test-only-gateway-edge-token-secret-0123456789",
        "hirepipe.bootstrap.tenant-id=" + GatewayTestSupport.ACME,
        "hirepipe.bootstrap.tenant-name=Acme Corp",
        "hirepipe.bootstrap.recruiter-email=" + GatewayTestSupport.ACME_RECRUITER,
        "hirepipe.bootstrap.recruiter-password=" + GatewayTestSupport.ACME_PASSWORD,
        "hirepipe.gateway.downstream.response-timeout=2s",
        "logging.level.io.hirepipe.gateway.access=WARN",
        "management.server.port=0"})
@UsesInfrastructure({Infra.MONGO, Infra.KAFKA})
@Import(SlowAuditStore.class)
abstract class GatewayTestSupport {

    static final String ACME = "t-acme";
    static final String ACME_RECRUITER = "Recruiter@Acme.test";
    static final String ACME_PASSWORD = "correct horse battery staple";
    static final String GLOBEX = "t-globex";
    static final String GLOBEX_RECRUITER = "recruiter@globex.test";
    static final String GLOBEX_PASSWORD = "another long passphrase";

    static final StubService QUESTIONS = StubService.start("question-service");
    static final StubService ASSESSMENTS = StubService.start("assessment-service");
    static final StubService SCORING = StubService.start("scoring-service");
    /**
     * Nothing listens here: the notification route points at a service that is down. The port is held for the
     * whole run, not just found free, which any connection or server might take later.
     */
    static final URI NOTIFICATIONS_DOWN = URI.create("http://127.0.0.1:" + HeldPort.any().port());

    /** The gateway's internal-token keys for this test run: the first signs, the second is published alongside. */
    static final RSAKey SIGNING_KEY = rsaKey("test-gateway-current");
    static final RSAKey PREVIOUS_KEY = rsaKey("test-gateway-previous");

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** HTTP/1.1 as clients and proxies speak it to the gateway (no h2c upgrade attempts). */
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @DynamicPropertySource
    static void downstreamServices(DynamicPropertyRegistry registry) {
        registry.add("hirepipe.gateway.services.question-service", () -> QUESTIONS.uri().toString());
        registry.add("hirepipe.gateway.services.assessment-service", () -> ASSESSMENTS.uri().toString());
        registry.add("hirepipe.gateway.services.scoring-service", () -> SCORING.uri().toString());
        registry.add("hirepipe.gateway.services.notification-service", NOTIFICATIONS_DOWN::toString);
        registry.add("hirepipe.gateway.internal-token.signing-keys",
                () -> new JWKSet(List.of(SIGNING_KEY, PREVIOUS_KEY)).toString(false));
    }

    @LocalServerPort
    int port;
    @Autowired
    InternalTokenIssuer internalTokens;
    @Autowired
    IdentityBootstrap bootstrap;

    @BeforeEach
    void secondTenant() {
        // Idempotent by design, so every test may ask for it.
        bootstrap.bootstrap(new BootstrapProperties(GLOBEX, "Globex", GLOBEX_RECRUITER, GLOBEX_PASSWORD))
                .block(Duration.ofSeconds(30));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path).headers(headersOrNone(headers)).GET());
    }

    HttpResponse<String> postJson(String path, String body, String... headers) {
        return send(request(path).headers(headersOrNone(headers)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(request(path).headers(headersOrNone(headers)).DELETE());
    }

    String login(String email, String password) {
        HttpResponse<String> response = postJson("/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("token").asString();
    }

    String acmeRecruiterToken() {
        return login(ACME_RECRUITER, ACME_PASSWORD);
    }

    String globexRecruiterToken() {
        return login(GLOBEX_RECRUITER, GLOBEX_PASSWORD);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Asserts an RFC 9457 body with the given status, and returns it. */
    static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.has("title") && problem.has("detail") && problem.has("type")).as(response.body()).isTrue();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("type").asString()).startsWith("https://hirepipe.io/problems/");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    /** The caller a service would see in the internal token the gateway forwarded. */
    Caller forwardedCaller(StubService.Received received) {
        return InternalToken.callerOf(forwardedToken(received));
    }

    /** The internal token the gateway forwarded, verified against the keys the gateway publishes. */
    Jwt forwardedToken(StubService.Received received) {
        String authorization = received.header("Authorization");
        assertThat(authorization).as("forwarded Authorization").startsWith("Bearer ");
        return NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + InternalJwksController.PATH).build()
                .decode(authorization.substring("Bearer ".length()));
    }

    static String[] headersOrNone(String[] headers) {
        return headers.length == 0 ? new String[]{"Accept", "application/json"} : headers;
    }

    private static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
