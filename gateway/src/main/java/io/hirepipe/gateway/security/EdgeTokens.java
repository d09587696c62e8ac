package io.hirepipe.gateway.security;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.CallerKind;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues and verifies the HS256 tokens the gateway gives to recruiters (after login) and
 * candidates (after redeeming an invitation). They are only ever accepted here, at the edge; the
 * services see the short-lived internal token the gateway derives from them instead.
 */
public class EdgeTokens {

    static final String AUDIENCE = "hirepipe-gateway";
    static final String TENANT = "tenant";
    static final String KIND = "kind";
    static final String EMAIL = "email";
    static final String INVITATION = "invitation";

    private final JwtEncoder encoder;
    private final NimbusReactiveJwtDecoder decoder;
    private final EdgeTokenProperties properties;
    private final Clock clock;

    public EdgeTokens(EdgeTokenProperties properties, Clock clock) {
        SecretKey key = new SecretKeySpec(properties.secretBytes(), "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
        this.decoder = NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        this.decoder.setJwtValidator(validator(properties.issuer()));
        this.properties = properties;
        this.clock = clock;
    }

    public IssuedToken recruiter(String tenantId, String userId, String email) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.ttl());
        return sign(claims(now, expiresAt, userId, tenantId, CallerKind.RECRUITER).claim(EMAIL, email));
    }

    /** A candidate token, valid for at most the candidate TTL and never past {@code notAfter}. */
    public IssuedToken candidate(String tenantId, String invitationId, Instant notAfter) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.candidateTtl());
        if (notAfter != null && notAfter.isBefore(expiresAt)) {
            expiresAt = notAfter;
        }
        return sign(claims(now, expiresAt, invitationId, tenantId, CallerKind.CANDIDATE).claim(INVITATION, invitationId));
    }

    public ReactiveJwtDecoder decoder() {
        return decoder;
    }

    /** The caller a verified edge token names. */
    public static Caller callerOf(Jwt jwt) {
        String tenant = jwt.getClaimAsString(TENANT);
        return switch (CallerKind.valueOf(jwt.getClaimAsString(KIND))) {
            case RECRUITER -> Caller.recruiter(tenant, jwt.getSubject(), jwt.getClaimAsString(EMAIL));
            case CANDIDATE -> Caller.candidate(tenant, jwt.getClaimAsString(INVITATION));
            // The validator admits no other kind: platform clients use API keys, services never come from outside.
            default -> throw new IllegalStateException("Edge tokens carry only recruiters and candidates");
        };
    }

    private JwtClaimsSet.Builder claims(Instant now, Instant expiresAt, String subject, String tenantId,
                                        CallerKind kind) {
        return JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(properties.issuer())
                .audience(List.of(AUDIENCE))
                .subject(subject)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(TENANT, tenantId)
                .claim(KIND, kind.name());
    }

    private IssuedToken sign(JwtClaimsSet.Builder claims) {
        JwtClaimsSet set = claims.build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String value = encoder.encode(JwtEncoderParameters.from(header, set)).getTokenValue();
        return new IssuedToken(value, set.getExpiresAt());
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(AUDIENCE)),
                new JwtClaimValidator<String>(TENANT, tenant -> tenant != null && !tenant.isBlank()),
                new JwtClaimValidator<String>(KIND, kind -> Objects.equals(kind, CallerKind.RECRUITER.name())
                        || Objects.equals(kind, CallerKind.CANDIDATE.name())),
                jwt -> {
                    // A candidate token is useless without the one invitation it is bound to.
                    boolean candidate = CallerKind.CANDIDATE.name().equals(jwt.getClaimAsString(KIND));
                    String invitation = jwt.getClaimAsString(INVITATION);
                    return candidate && (invitation == null || invitation.isBlank())
                            ? OAuth2TokenValidatorResult.failure(
                                    new OAuth2Error("invalid_token", "candidate token without invitation", null))
                            : OAuth2TokenValidatorResult.success();
                });
    }
}
