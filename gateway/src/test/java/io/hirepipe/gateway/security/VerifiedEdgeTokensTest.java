package io.hirepipe.gateway.security;

import io.hirepipe.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedEdgeTokensTest {

    private static final SecretKeySpec KEY = new SecretKeySpec(
            "unit-test-edge-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

    private final MutableClock clock = new MutableClock(Instant.now());
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final VerifiedEdgeTokens tokens = verifiedTokens();

    @Test
    void aClientsNextRequestWithTheSameTokenSkipsTheSignatureCheck() {
        String token = token(clock.instant().plus(Duration.ofMinutes(15)), KEY);

        Jwt first = tokens.decode(token).block();
        Jwt second = tokens.decode(token).block();

        assertThat(second.getSubject()).isEqualTo(first.getSubject()).isEqualTo("usr_1");
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aRememberedTokenStillStopsAtItsExpiry() {
        String token = token(clock.instant().plus(Duration.ofMinutes(2)), KEY);
        tokens.decode(token).block();

        clock.advance(Duration.ofMinutes(3));

        assertThatThrownBy(() -> tokens.decode(token).block()).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aTokenWithAnotherSignatureNeverMatchesARememberedOne() {
        Instant expiry = clock.instant().plus(Duration.ofMinutes(15));
        tokens.decode(token(expiry, KEY)).block();
        SecretKeySpec otherKey = new SecretKeySpec(
                "another-secret-of-sufficient-length-42".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

        String forged = token(expiry, otherKey);

        assertThatThrownBy(() -> tokens.decode(forged).block()).isInstanceOf(JwtException.class);
        assertThat(signatureChecks).hasValue(2);
    }

    private VerifiedEdgeTokens verifiedTokens() {
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = expiry;
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256)
                .build();
        nimbus.setJwtValidator(validator);
        ReactiveJwtDecoder counted = token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
        return new VerifiedEdgeTokens(counted, validator, 100, Duration.ofMinutes(5));
    }

    private String token(Instant expiresAt, SecretKeySpec key) {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("usr_1").issuedAt(expiresAt.minus(Duration.ofMinutes(15)))
                .expiresAt(expiresAt).build();
        return NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
