package io.hirepipe.defaults.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import io.hirepipe.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotating the gateway's signing key, step by step as the README describes, while a service keeps
 * verifying: no token the gateway hands out is ever refused.
 */
class InternalTokenRotationTest {

    private static final String SERVICE = "scoring-service";
    private static final Caller RECRUITER = Caller.recruiter("tenant-a", "user-1", "rita@example.com");

    private final RSAKey oldKey = InternalTokenTest.generatedKey("gateway-2026-11");
    private final RSAKey newKey = InternalTokenTest.generatedKey("gateway-2026-12");
    /** What the gateway publishes right now, as its JWKS endpoint would. */
    private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(oldKey));
    private final AtomicInteger fetches = new AtomicInteger();
    private final HttpServer jwks = serve();
    private final InternalToken service = new InternalToken(new InternalTokenProperties(
            "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks", SERVICE,
            TestInfrastructure.INTERNAL_TOKEN_SECRET, "hirepipe", Duration.ofSeconds(60)), Clock.systemUTC());

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    @Test
    void rotatingTheSigningKeyRefusesNoToken() {
        List<String> refused = new ArrayList<>();

        // Before: the old key signs and is the only one published.
        InternalTokenIssuer before = gatewaySigningWith(oldKey);
        String inFlight = before.issue(RECRUITER, SERVICE);
        verify(inFlight, refused);

        // Step 1: the new key is published next to the old one; the old one still signs.
        published.set(new JWKSet(List.of(oldKey.toPublicJWK(), newKey.toPublicJWK())));
        verify(before.issue(RECRUITER, SERVICE), refused);

        // Step 2: the new key signs. The service's cached JWKS may predate step 1: an unknown kid makes it
        // fetch again. A token the old key signed a moment ago is still good.
        InternalTokenIssuer after = gatewaySigningWith(newKey, oldKey);
        verify(after.issue(RECRUITER, SERVICE), refused);
        verify(inFlight, refused);

        // Step 3, once the old key's tokens have expired: it is no longer published.
        published.set(new JWKSet(newKey.toPublicJWK()));
        verify(gatewaySigningWith(newKey).issue(RECRUITER, SERVICE), refused);

        assertThat(refused).isEmpty();
        assertThat(fetches.get()).as("the service re-read the JWKS for the new kid").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aTokenSignedWithAKeyNeverPublishedIsStillRefused() {
        verify(gatewaySigningWith(oldKey).issue(RECRUITER, SERVICE), new ArrayList<>());
        String rogue = gatewaySigningWith(InternalTokenTest.generatedKey("gateway-2026-12")).issue(RECRUITER, SERVICE);

        assertThatThrownBy(() -> service.decoder().decode(rogue)).isInstanceOf(JwtException.class);
    }

    private void verify(String token, List<String> refused) {
        try {
            assertThat(InternalToken.callerOf(service.decoder().decode(token))).isEqualTo(RECRUITER);
        } catch (JwtException e) {
            refused.add(e.getMessage());
        }
    }

    private static InternalTokenIssuer gatewaySigningWith(RSAKey signing, RSAKey... alsoPublished) {
        List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>(List.of(signing));
        keys.addAll(List.of(alsoPublished));
        return new InternalTokenIssuer(new JWKSet(keys), "hirepipe", Duration.ofSeconds(60), Clock.systemUTC());
    }

    private HttpServer serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks", exchange -> {
                fetches.incrementAndGet();
                byte[] body = published.get().toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
