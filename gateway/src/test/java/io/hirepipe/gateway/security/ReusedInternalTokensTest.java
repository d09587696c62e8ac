package io.hirepipe.gateway.security;

import com.nimbusds.jwt.SignedJWT;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.testkit.MutableClock;
import io.hirepipe.testkit.TestGatewayKeys;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Internal tokens are signed once per caller and service and reused while at least half their lifetime remains. */
class ReusedInternalTokensTest {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Caller RECRUITER = Caller.user("t-acme", "usr-1", "ann@acme.test", Role.RECRUITER);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InternalTokenIssuer issuer = new InternalTokenIssuer(
            InternalTokenIssuer.parseKeys(TestGatewayKeys.signingKeysJson()), "hirepipe", TTL, clock);
    private final ReusedInternalTokens tokens = new ReusedInternalTokens(issuer, TTL, 1_000, clock);

    @Test
    void theSameCallerAndServiceGetTheSameTokenWhileHalfItsLifetimeRemains() throws Exception {
        String first = tokens.tokenFor(RECRUITER, "question-service", List.of());
        clock.advance(Duration.ofSeconds(29));

        String reused = tokens.tokenFor(RECRUITER, "question-service", List.of());

        assertThat(reused).isEqualTo(first);
        assertThat(remainingLifetime(reused)).isGreaterThanOrEqualTo(TTL.dividedBy(2));
    }

    @Test
    void onceHalfTheLifetimeHasPassedAFreshTokenIsSigned() throws Exception {
        String first = tokens.tokenFor(RECRUITER, "question-service", List.of());
        clock.advance(Duration.ofSeconds(30));

        String fresh = tokens.tokenFor(RECRUITER, "question-service", List.of());

        assertThat(fresh).isNotEqualTo(first);
        assertThat(remainingLifetime(fresh)).isEqualTo(TTL);
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.tokenFor(RECRUITER, "question-service", List.of())).as("and that one is reused").isEqualTo(fresh);
    }

    @Test
    void aClockSetBackNeverReusesATokenFromItsFuture() {
        String first = tokens.tokenFor(RECRUITER, "question-service", List.of());
        clock.advance(Duration.ofSeconds(-5));

        assertThat(tokens.tokenFor(RECRUITER, "question-service", List.of())).isNotEqualTo(first);
    }

    @Test
    void differentCallersServicesRolesTenantsAndScopesNeverShareAToken() throws Exception {
        String base = tokens.tokenFor(RECRUITER, "question-service", List.of());
        List<String> others = List.of(
                tokens.tokenFor(RECRUITER, "scoring-service", List.of()),
                tokens.tokenFor(Caller.user("t-acme", "usr-1", "ann@acme.test", Role.VIEWER), "question-service", List.of()),
                tokens.tokenFor(Caller.user("t-acme", "usr-2", "bob@acme.test", Role.RECRUITER), "question-service", List.of()),
                tokens.tokenFor(Caller.user("t-globex", "usr-1", "ann@acme.test", Role.RECRUITER), "question-service", List.of()),
                tokens.tokenFor(Caller.platform("t-acme", "key-1"), "question-service", List.of("results:read")),
                tokens.tokenFor(Caller.platform("t-acme", "key-1"), "question-service", List.of("results:read", "questions:write")),
                tokens.tokenFor(Caller.candidate("t-acme", "inv-1"), "question-service", List.of()));

        assertThat(others).doesNotContain(base).doesNotHaveDuplicates();
        assertThat(SignedJWT.parse(others.get(1)).getJWTClaimsSet().getStringClaim("role")).isEqualTo("VIEWER");
        assertThat(SignedJWT.parse(others.get(3)).getJWTClaimsSet().getStringClaim("tenant")).isEqualTo("t-globex");
        assertThat(SignedJWT.parse(others.get(5)).getJWTClaimsSet().getStringClaim("scope"))
                .isEqualTo("results:read questions:write");
        assertThat(tokens.tokenFor(Caller.platform("t-acme", "key-1"), "question-service", List.of("results:read")))
                .as("each of them is reused in turn").isEqualTo(others.get(4));
    }

    private Duration remainingLifetime(String token) throws Exception {
        return Duration.between(clock.instant(), SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant());
    }
}
