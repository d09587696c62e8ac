package io.hirepipe.gateway.security;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.defaults.security.CallerKind;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EdgeTokensTest {

    private static final String SECRET = "unit-test-edge-secret-0123456789abcdef";
    /** Fixed for exact expiry arithmetic, but current: the decoder checks expiry against the real clock. */
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private final EdgeTokens tokens = new EdgeTokens(
            new EdgeTokenProperties(SECRET, null, Duration.ofHours(8), Duration.ofHours(6), null),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private Jwt decode(EdgeTokens verifier, String token) {
        return verifier.decoder().decode(token).block();
    }

    @Test
    void aPersonsTokenNamesTenantUserEmailRoleAndSignIn() {
        IssuedToken issued = tokens.user("t-1", "usr_1", "r@x.test", Role.VIEWER, "rf_1");

        Jwt jwt = decode(tokens, issued.value());
        Caller caller = EdgeTokens.callerOf(jwt);

        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(8)));
        assertThat(caller).isEqualTo(Caller.user("t-1", "usr_1", "r@x.test", Role.VIEWER));
        assertThat(jwt.getClaimAsString(EdgeTokens.SIGN_IN)).isEqualTo("rf_1");
    }

    @Test
    void aCandidateTokenIsBoundToOneInvitationAndCappedByItsExpiry() {
        Instant invitationExpiry = NOW.plus(Duration.ofHours(1));

        IssuedToken capped = tokens.candidate("t-1", "inv-1", invitationExpiry);
        IssuedToken uncapped = tokens.candidate("t-1", "inv-1", NOW.plus(Duration.ofDays(3)));

        assertThat(capped.expiresAt()).isEqualTo(invitationExpiry);
        assertThat(uncapped.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(6)));
        Caller caller = EdgeTokens.callerOf(decode(tokens, capped.value()));
        assertThat(caller.kind()).isEqualTo(CallerKind.CANDIDATE);
        assertThat(caller.invitationId()).isEqualTo("inv-1");
        assertThat(caller.tenantId()).isEqualTo("t-1");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRejected() {
        EdgeTokens other = new EdgeTokens(new EdgeTokenProperties("another-secret-of-sufficient-length-42", null,
                null, null, null), Clock.fixed(NOW, ZoneOffset.UTC));

        String foreign = other.user("t-1", "usr_1", "r@x.test", Role.RECRUITER, "rf_1").value();

        assertThatThrownBy(() -> decode(tokens, foreign)).isInstanceOf(JwtException.class);
    }

    @Test
    void anExpiredTokenIsRejected() {
        EdgeTokens past = new EdgeTokens(new EdgeTokenProperties(SECRET, null, Duration.ofMinutes(5), null, null),
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));

        String expired = past.user("t-1", "usr_1", "r@x.test", Role.RECRUITER, "rf_1").value();

        assertThatThrownBy(() -> decode(tokens, expired)).isInstanceOf(JwtException.class);
    }

    @Test
    void aShortSecretIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new EdgeTokens(new EdgeTokenProperties("too-short", null, null, null, null),
                Clock.systemUTC())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HIREPIPE_GATEWAY_JWT_SECRET");
    }
}
