package io.hirepipe.defaults.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalTokenTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";

    private final InternalToken tokens = new InternalToken(
            new InternalTokenProperties(SECRET, "hirepipe", Duration.ofSeconds(60)), Clock.systemUTC());

    @Test
    void aTokenCarriesTheCallerToTheService() {
        Caller candidate = Caller.candidate("tenant-a", "inv-42");

        Jwt jwt = tokens.decoder().decode(tokens.issue(candidate));

        assertThat(InternalToken.callerOf(jwt)).isEqualTo(candidate);
    }

    @Test
    void aRecruiterTokenKeepsTheEmail() {
        Caller recruiter = Caller.recruiter("tenant-a", "user-1", "rita@example.com");

        assertThat(InternalToken.callerOf(tokens.decoder().decode(tokens.issue(recruiter)))).isEqualTo(recruiter);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        InternalToken forged = new InternalToken(new InternalTokenProperties(
                "someone-elses-secret-that-is-also-long-enough", "hirepipe", null), Clock.systemUTC());

        String token = forged.issue(Caller.recruiter("tenant-a", "u", null));

        assertThatThrownBy(() -> tokens.decoder().decode(token)).hasMessageContaining("signature");
    }

    @Test
    void anExpiredTokenIsRefused() {
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        InternalToken past = new InternalToken(new InternalTokenProperties(SECRET, "hirepipe", Duration.ofSeconds(60)),
                anHourAgo);

        String token = past.issue(Caller.platform("tenant-a", "key-1"));

        assertThatThrownBy(() -> tokens.decoder().decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        InternalToken other = new InternalToken(new InternalTokenProperties(SECRET, "not-hirepipe", null),
                Clock.systemUTC());

        assertThatThrownBy(() -> tokens.decoder().decode(other.issue(Caller.platform("t", "k"))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aServiceWillNotStartWithAWeakOrMissingSecret() {
        assertThatThrownBy(() -> new InternalToken(new InternalTokenProperties("short", null, null), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HIREPIPE_INTERNAL_TOKEN_SECRET");
        assertThatThrownBy(() -> new InternalToken(new InternalTokenProperties(null, null, null), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class);
    }
}
