package io.hirepipe.gateway.security;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.CallerClaims;
import io.hirepipe.defaults.security.CallerKind;
import io.hirepipe.defaults.security.Role;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

/**
 * Issues and verifies the HS256 tokens the gateway gives to recruiters (after login) and
 * candidates (after redeeming an invitation). They are only ever accepted here, at the edge; the
 * services see the short-lived internal token the gateway derives from them instead.
 */
public class EdgeTokens {

    static final String AUDIENCE = "hirepipe-gateway";

    /** How many verified tokens are remembered, and for how long at most (access tokens live 15 minutes). */
    private static final long VERIFIED_TOKENS_KEPT = 10_000;
    private static final Duration VERIFIED_TOKENS_KEPT_FOR = Duration.ofMinutes(5);

    private final JwtEncoder encoder;
    private final ReactiveJwtDecoder decoder;
    private final EdgeTokenProperties properties;
    private final Clock clock;

    public EdgeTokens(EdgeTokenProperties properties, Clock clock) {
        SecretKey key = new SecretKeySpec(properties.secretBytes(), "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
        NimbusReactiveJwtDecoder verifier = NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256)
                .build();
        // Platform clients use API keys and services never come from outside: edge tokens name people only.
        OAuth2TokenValidator<Jwt> validator = CallerClaims.validator(properties.issuer(), AUDIENCE,
                EnumSet.of(CallerKind.RECRUITER, CallerKind.CANDIDATE));
        verifier.setJwtValidator(validator);
        // A remembered token passed every check above when it was verified; only its expiry can change since.
        this.decoder = new VerifiedEdgeTokens(verifier, CallerClaims.timestamps(Clock.systemUTC()),
                VERIFIED_TOKENS_KEPT, VERIFIED_TOKENS_KEPT_FOR);
        this.properties = properties;
        this.clock = clock;
    }

    /** Claim naming the sign-in (refresh-token family) an access token belongs to: ending it stops the token. */
    public static final String SIGN_IN = "sid";

    /** A person's access token, of the sign-in {@code signInId}. */
    public IssuedToken user(String tenantId, String userId, String email, Role role, String signInId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = CallerClaims.of(Caller.user(tenantId, userId, email, role), properties.issuer(), AUDIENCE,
                now, now.plus(properties.ttl())).claim(SIGN_IN, signInId).build();
        return sign(claims);
    }

    /** A candidate token, valid for at most the candidate TTL and never past {@code notAfter}. */
    public IssuedToken candidate(String tenantId, String invitationId, Instant notAfter) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.candidateTtl());
        if (notAfter != null && notAfter.isBefore(expiresAt)) {
            expiresAt = notAfter;
        }
        return sign(Caller.candidate(tenantId, invitationId), now, expiresAt);
    }

    public ReactiveJwtDecoder decoder() {
        return decoder;
    }

    /** The caller a verified edge token names. */
    public static Caller callerOf(Jwt jwt) {
        return CallerClaims.callerOf(jwt);
    }

    private IssuedToken sign(Caller caller, Instant now, Instant expiresAt) {
        return sign(CallerClaims.of(caller, properties.issuer(), AUDIENCE, now, expiresAt).build());
    }

    private IssuedToken sign(JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(value, claims.getExpiresAt());
    }
}
