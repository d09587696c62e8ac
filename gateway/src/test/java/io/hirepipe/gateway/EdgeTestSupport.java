package io.hirepipe.gateway;

import com.nimbusds.jose.jwk.JWKSet;
import io.hirepipe.gateway.identity.BootstrapProperties;
import io.hirepipe.gateway.identity.IdentityBootstrap;
import io.hirepipe.testkit.Infra;
import io.hirepipe.testkit.UsesInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second shared gateway, with the edge protections set tight and short so tests can see them
 * act within seconds: small rate-limit windows, a breaker that opens after a handful of failures and
 * probes again after a few seconds, and a pool that drops idle connections quickly.
 * assessment-service is a backend that closes idle connections after one second, scoring-service
 * one the tests stop and restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hirepipe.gateway.jwt.secret=test-only-gateway-edge-token-secret-0123456789",
        "hirepipe.bootstrap.tenant-id=" + GatewayTestSupport.ACME,
        "hirepipe.bootstrap.tenant-name=Acme Corp",
        "hirepipe.bootstrap.recruiter-email=" + GatewayTestSupport.ACME_RECRUITER,
        "hirepipe.bootstrap.recruiter-password=" + GatewayTestSupport.ACME_PASSWORD,
        "logging.level.io.hirepipe.gateway.access=WARN",
        "management.server.port=0",
        "hirepipe.gateway.downstream.response-timeout=5s",
        "spring.cloud.gateway.server.webflux.httpclient.pool.max-idle-time=" + EdgeTestSupport.POOL_MAX_IDLE_MS + "ms",
        "spring.cloud.gateway.server.webflux.httpclient.pool.eviction-interval=100ms",
        "hirepipe.gateway.rate-limits.groups.reads.limit=" + EdgeTestSupport.READS_LIMIT,
        "hirepipe.gateway.rate-limits.groups.reads.period=3s",
        "hirepipe.gateway.rate-limits.groups.writes.limit=40",
        "hirepipe.gateway.rate-limits.groups.writes.period=3s",
        "hirepipe.gateway.rate-limits.groups.bulk.limit=" + EdgeTestSupport.BULK_LIMIT,
        "hirepipe.gateway.rate-limits.groups.bulk.period=5s",
        "hirepipe.gateway.rate-limits.groups.autosave.limit=" + EdgeTestSupport.AUTOSAVE_LIMIT,
        "hirepipe.gateway.rate-limits.groups.autosave.period=5s",
        "hirepipe.gateway.rate-limits.groups.invitation-token.limit=" + EdgeTestSupport.INVITATION_TOKEN_LIMIT,
        "hirepipe.gateway.rate-limits.groups.login.limit=10000",
        "hirepipe.gateway.rate-limits.groups.token-exchange.limit=10000",
        "hirepipe.gateway.login-throttle.per-account-and-address.free-failures=" + EdgeTestSupport.FREE_LOGIN_FAILURES,
        "hirepipe.gateway.login-throttle.per-account-and-address.base-delay=" + EdgeTestSupport.LOGIN_BACK_OFF_SECONDS + "s",
        "hirepipe.gateway.login-throttle.per-account.free-failures=1000",
        "hirepipe.gateway.login-throttle.per-address.free-failures=1000",
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
        // Tests check that calls right after the breaker opened are refused unsent; at 1 s a loaded CI machine could
        // spend that on the health read and the request between, and the call went out as a half-open probe.
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=3s",
        "resilience4j.circuitbreaker.configs.default.permitted-number-of-calls-in-half-open-state=2",
        "resilience4j.timelimiter.configs.default.timeout-duration=" + EdgeTestSupport.TIME_LIMIT_MS + "ms",
        "hirepipe.gateway.cors.allowed-origins=" + EdgeTestSupport.PARTNER_ORIGIN,
        // As in a Kubernetes pod (where Spring Boot would read forwarded headers on its own), behind one proxy.
        "spring.main.cloud-platform=kubernetes",
        "hirepipe.gateway.trusted-proxies=" + EdgeTestSupport.TRUSTED_PROXY + "/32"})
@UsesInfrastructure({Infra.MONGO, Infra.KAFKA})
abstract class EdgeTestSupport {

    static final String ACME = GatewayTestSupport.ACME;
    static final String ACME_RECRUITER = GatewayTestSupport.ACME_RECRUITER;
    static final String ACME_PASSWORD = GatewayTestSupport.ACME_PASSWORD;
    static final String GLOBEX = GatewayTestSupport.GLOBEX;
    static final String GLOBEX_RECRUITER = GatewayTestSupport.GLOBEX_RECRUITER;
    static final String GLOBEX_PASSWORD = GatewayTestSupport.GLOBEX_PASSWORD;
    static final JsonMapper JSON = GatewayTestSupport.JSON;

    static final StubService QUESTIONS = StubService.start("question-service");
    static final URI NOTIFICATIONS_DOWN = GatewayTestSupport.NOTIFICATIONS_DOWN;

    static final int READS_LIMIT = 40;
    static final int AUTOSAVE_LIMIT = 5;
    static final int BULK_LIMIT = 3;
    static final int INVITATION_TOKEN_LIMIT = 3;
    static final int FREE_LOGIN_FAILURES = 3;
    /**
     * The first back-off after the free failures. Tests check that attempts made during it are refused; at the
     * default second a loaded CI machine took longer than that between two requests (a bcrypt check among them).
     */
    static final int LOGIN_BACK_OFF_SECONDS = 3;
    /**
     * The time limit of every proxied call. Below the response timeout (5 s), so the time limiter's own timer is
     * the one in force; far above what a stub takes, so a loaded CI machine (a GC pause, a starved thread) gives no
     * spurious 504 to the tests that proxy. CircuitBreakerTest sets a short limit where it tests the limit itself.
     */
    static final long TIME_LIMIT_MS = 4_000;
    static final long POOL_MAX_IDLE_MS = 300;
    static final String PARTNER_ORIGIN = "https://ats.partner.example";
    /** The one address the gateway takes X-Forwarded-For from, as from a load balancer in front of it. */
    static final String TRUSTED_PROXY = "127.0.0.9";
    static final Duration BACKEND_KEEP_ALIVE = Duration.ofSeconds(1);

    static final IdleClosingBackend ASSESSMENT_BACKEND = IdleClosingBackend.start(BACKEND_KEEP_ALIVE);
    static final RestartableBackend SCORING_BACKEND = RestartableBackend.startOnFreePort();

    @DynamicPropertySource
    static void downstreamServices(DynamicPropertyRegistry registry) {
        registry.add("hirepipe.gateway.services.question-service", () -> QUESTIONS.uri().toString());
        registry.add("hirepipe.gateway.services.assessment-service", () -> ASSESSMENT_BACKEND.uri().toString());
        registry.add("hirepipe.gateway.services.scoring-service", () -> SCORING_BACKEND.uri().toString());
        registry.add("hirepipe.gateway.services.notification-service", NOTIFICATIONS_DOWN::toString);
        registry.add("hirepipe.gateway.internal-token.signing-keys",
                () -> new JWKSet(GatewayTestSupport.SIGNING_KEY).toString(false));
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    IdentityBootstrap bootstrap;

    @BeforeEach
    void secondTenant() {
        bootstrap.bootstrap(new BootstrapProperties(GLOBEX, "Globex", GLOBEX_RECRUITER, GLOBEX_PASSWORD))
                .block(Duration.ofSeconds(30));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return GatewayTestSupport.send(request);
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path).headers(headersOrNone(headers)).GET());
    }

    HttpResponse<String> postJson(String path, String body, String... headers) {
        return send(request(path).headers(headersOrNone(headers)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    String login(String email, String password) {
        HttpResponse<String> response = postJson("/auth/login",
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
        return GatewayTestSupport.bearer(token);
    }

    static JsonNode json(HttpResponse<String> response) {
        return GatewayTestSupport.json(response);
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status) {
        return GatewayTestSupport.assertProblem(response, status);
    }

    private static String[] headersOrNone(String[] headers) {
        return GatewayTestSupport.headersOrNone(headers);
    }

    /** The body the management port (actuator) gives for a path. */
    String management(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json, text/plain").GET()).body();
    }

    /**
     * A request from another loopback address (127.0.0.x), as from another client machine: the JDK
     * client cannot pick its source address on Java 17, so this speaks HTTP/1.1 over a bound socket.
     */
    RawResponse postFrom(String sourceAddress, String path, String json) {
        return postFrom(sourceAddress, path, json, new String[0]);
    }

    /** As {@link #postFrom(String, String, String)}, with further header lines ({@code "Name: value"}). */
    RawResponse postFrom(String sourceAddress, String path, String json, String... headerLines) {
        return exchange(sourceAddress, "POST", path, "localhost:" + port, json, headerLines);
    }

    /**
     * A GET with the {@code Host} header a proxy in front of the gateway would forward (the site's name as the
     * browser wrote it), which the JDK client does not let a caller choose.
     */
    RawResponse getWithHost(String host, String path, String... headerLines) {
        return exchange("127.0.0.1", "GET", path, host, null, headerLines);
    }

    private RawResponse exchange(String sourceAddress, String method, String path, String host, String json,
                                 String... headerLines) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port,
                InetAddress.getByName(sourceAddress), 0)) {
            socket.setSoTimeout(10_000);
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                    + "Accept: application/json\r\nConnection: close\r\n"
                    + String.join("", java.util.Arrays.stream(headerLines).map(line -> line + "\r\n").toList()) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(9, 12));
            return new RawResponse(status, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record RawResponse(int status, String raw) {
    }
}
