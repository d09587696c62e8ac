package io.hirepipe.defaults.web;

import com.sun.net.httpserver.HttpServer;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.TestGatewayKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that cannot read the gateway's published keys cannot tell a good token from a bad one. That is
 * our outage, so callers get 503 with Retry-After (and retry), never a 401 that signs them out or a 500;
 * once the keys can be read again, the same token is accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=defaults-test",
        "hirepipe.security.internal-token.secret=a-test-secret-that-is-long-enough-for-hs256"})
class JwksOutageTest {

    private static final AtomicBoolean KEYS_AVAILABLE = new AtomicBoolean(false);
    private static final HttpServer GATEWAY_KEYS = serveGatewayKeys();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gatewayKeys(DynamicPropertyRegistry registry) {
        registry.add("hirepipe.security.internal-token.jwk-set-uri",
                () -> "http://127.0.0.1:" + GATEWAY_KEYS.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stop() {
        GATEWAY_KEYS.stop(0);
    }

    @Test
    void unreadableKeysAre503WithRetryAfter_andTheSameTokenWorksOnceTheyAreBack() {
        String token = new InternalTokenIssuer(InternalTokenIssuer.parseKeys(TestGatewayKeys.signingKeysJson()),
                "hirepipe", Duration.ofSeconds(60), Clock.systemUTC())
                .issue(Caller.recruiter("tenant-a", "user-1", "rita@example.com"), "defaults-test");
        HttpApi recruiter = HttpApi.at("http://localhost:" + port).withBearer(token);

        HttpApi.Response duringOutage = recruiter.post("/api/widgets", "{\"name\":\"w\",\"size\":2}");
        duringOutage.problem(503, "token-verification-unavailable");
        assertThat(duringOutage.header("Retry-After")).contains("5");

        KEYS_AVAILABLE.set(true);
        assertThat(recruiter.post("/api/widgets", "{\"name\":\"w\",\"size\":2}").expect(200).get("tenant").asString())
                .isEqualTo("tenant-a");
    }

    /** The test gateway's public keys, or a 502 while "down" (what a failing proxy in front of the gateway gives). */
    private static HttpServer serveGatewayKeys() {
        try {
            byte[] keys = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestGatewayKeys.jwkSetUri()))
                    .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks", exchange -> {
                byte[] body = KEYS_AVAILABLE.get() ? keys : "down".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(KEYS_AVAILABLE.get() ? 200 : 502, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
