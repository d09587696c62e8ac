package io.hirepipe.defaults.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * How a {@link Caller} is written into a JWT and read back, in one place for every token Hirepipe
 * signs: the gateway's own tokens for recruiters and candidates, and the internal token services
 * verify.
 */
public final class CallerClaims {

    static final String TENANT = "tenant";
    static final String KIND = "kind";
    static final String EMAIL = "email";
    static final String INVITATION = "invitation";
    static final String ROLE = "role";

    private CallerClaims() {
    }

    public static JwtClaimsSet.Builder of(Caller caller, String issuer, String audience, Instant issuedAt,
                                          Instant expiresAt) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(caller.subject())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim(TENANT, caller.tenantId())
                .claim(KIND, caller.kind().name());
        if (caller.email() != null) {
            claims.claim(EMAIL, caller.email());
        }
        if (caller.invitationId() != null) {
            claims.claim(INVITATION, caller.invitationId());
        }
        if (caller.role() != null) {
            claims.claim(ROLE, caller.role().name());
        }
        return claims;
    }

    /** The caller a token names; only call it on a token {@link #validator} accepted. */
    public static Caller callerOf(Jwt jwt) {
        CallerKind kind = CallerKind.valueOf(jwt.getClaimAsString(KIND));
        return new Caller(jwt.getClaimAsString(TENANT), jwt.getSubject(), kind, jwt.getClaimAsString(EMAIL),
                jwt.getClaimAsString(INVITATION), kind == CallerKind.RECRUITER ? Role.parse(jwt.getClaimAsString(ROLE)) : null);
    }

    /**
     * Accepts unexpired tokens from {@code issuer} for {@code audience} that name a tenant and one of
     * the {@code kinds}; a candidate token must also name its invitation, the only one it may touch, and a
     * person's token must name a known role (a token from before roles existed is refused: its holder signs in
     * again and gets one).
     */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Set<CallerKind> kinds) {
        return validator(issuer, audience, kinds, Clock.systemUTC());
    }

    /** As {@link #validator(String, String, Set)}, judging expiry by {@code clock}. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Set<CallerKind> kinds,
                                                      Clock clock) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(issuer), timestamps(clock)),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)),
                new JwtClaimValidator<String>(TENANT, tenant -> tenant != null && !tenant.isBlank()),
                new JwtClaimValidator<String>(KIND, kind -> kinds.stream().anyMatch(k -> k.name().equals(kind))),
                jwt -> CallerKind.CANDIDATE.name().equals(jwt.getClaimAsString(KIND))
                        && isBlank(jwt.getClaimAsString(INVITATION))
                        ? OAuth2TokenValidatorResult.failure(
                                new OAuth2Error("invalid_token", "candidate token without invitation", null))
                        : OAuth2TokenValidatorResult.success(),
                jwt -> CallerKind.RECRUITER.name().equals(jwt.getClaimAsString(KIND))
                        && Role.parse(jwt.getClaimAsString(ROLE)) == null
                        ? OAuth2TokenValidatorResult.failure(
                                new OAuth2Error("invalid_token", "person's token without a role", null))
                        : OAuth2TokenValidatorResult.success());
    }

    /**
     * The part of {@link #validator} that can change its verdict on the same token: expiry and not-before,
     * judged by {@code clock}. Everything else a token claims is fixed by its signed text.
     */
    public static OAuth2TokenValidator<Jwt> timestamps(Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        return timestamps;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
