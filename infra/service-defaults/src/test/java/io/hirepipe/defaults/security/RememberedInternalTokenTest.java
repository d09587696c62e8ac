package io.hirepipe.defaults.security;

import com.nimbusds.jose.jwk.JWKSet;
import io.hirepipe.testkit.MutableClock;
import io.hirepipe.testkit.TestGatewayKeys;
import io.hirepipe.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service remembers the gateway tokens whose signature it verified, and still checks their claims each time. */
class RememberedInternalTokenTest {

    private static final String SERVICE = "assessment-service";
    private static final Caller CANDIDATE = Caller.candidate("tenant-a", "inv-42");

    private final MutableClock clock = new MutableClock(Instant.now());
    private final InternalToken service = new InternalToken(new InternalTokenProperties(TestGatewayKeys.jwkSetUri(),
            SERVICE, TestInfrastructure.INTERNAL_TOKEN_SECRET, "hirepipe", Duration.ofSeconds(60)), clock);
    private final InternalTokenIssuer gateway = InternalTokenTest.issuer(TestGatewayKeys.signingKeysJson(), clock);

    @Test
    void aSecondRequestWithTheSameTokenSkipsTheSignatureCheck() {
        String token = gateway.issue(CANDIDATE, SERVICE);

        Jwt first = service.decoder().decode(token);
        Jwt second = service.decoder().decode(token);

        // Verifying builds a new Jwt each time: the very same one means the remembered verification was used.
        assertThat(second).isSameAs(first);
        assertThat(InternalToken.callerOf(second)).isEqualTo(CANDIDATE);
    }

    @Test
    void aRememberedTokenIsRefusedOnceExpired() {
        String token = gateway.issue(CANDIDATE, SERVICE);
        service.decoder().decode(token);

        // Past the 60 s lifetime and the 60 s allowed clock skew, well within the 30 s the signature is remembered
        // (that memory runs on real time, not this clock).
        clock.advance(Duration.ofMinutes(3));

        assertThatThrownBy(() -> service.decoder().decode(token)).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void theSameClaimsWithAnotherSignatureNeverMatchARememberedToken() {
        String token = gateway.issue(CANDIDATE, SERVICE);
        service.decoder().decode(token);
        // A key the gateway never published, under the gateway's own key id.
        InternalTokenIssuer rogue = new InternalTokenIssuer(new JWKSet(InternalTokenTest.generatedKey(
                gateway.signingKeyId())), "hirepipe", Duration.ofSeconds(60), clock);
        String rogueSignature = rogue.issue(CANDIDATE, SERVICE).split("\\.")[2];

        String forged = token.substring(0, token.lastIndexOf('.') + 1) + rogueSignature;

        assertThat(forged).isNotEqualTo(token);
        assertThatThrownBy(() -> service.decoder().decode(forged)).isInstanceOf(JwtException.class);
        assertThat(InternalToken.callerOf(service.decoder().decode(token))).isEqualTo(CANDIDATE);
    }
}
