package io.hirepipe.defaults.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Issues and verifies the short-lived HS256 JWT that carries a {@link Caller} from the gateway to
 * a service (or from one service to another). Nothing outside the platform holds the secret, so a
 * request that bypasses the gateway carries no valid token and is refused.
 */
public class InternalToken {

    static final String AUDIENCE = "hirepipe-services";
    static final String TENANT = "tenant";
    static final String KIND = "kind";
    static final String EMAIL = "email";
    static final String INVITATION = "invitation";

    private final JwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final InternalTokenProperties properties;
    private final Clock clock;

    public InternalToken(InternalTokenProperties properties, Clock clock) {
        SecretKey key = new SecretKeySpec(properties.secretBytes(), "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        this.decoder.setJwtValidator(validator(properties.issuer()));
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(Caller caller) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .audience(List.of(AUDIENCE))
                .subject(caller.subject())
                .issuedAt(now)
                .expiresAt(now.plus(properties.ttl()))
                .claim(TENANT, caller.tenantId())
                .claim(KIND, caller.kind().name());
        if (caller.email() != null) {
            claims.claim(EMAIL, caller.email());
        }
        if (caller.invitationId() != null) {
            claims.claim(INVITATION, caller.invitationId());
        }
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    public JwtDecoder decoder() {
        return decoder;
    }

    public static Caller callerOf(Jwt jwt) {
        return new Caller(jwt.getClaimAsString(TENANT), jwt.getSubject(), CallerKind.valueOf(jwt.getClaimAsString(KIND)),
                jwt.getClaimAsString(EMAIL), jwt.getClaimAsString(INVITATION));
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(AUDIENCE)),
                new JwtClaimValidator<String>(TENANT, tenant -> tenant != null && !tenant.isBlank()),
                new JwtClaimValidator<String>(KIND, InternalToken::isKnownKind));
    }

    private static boolean isKnownKind(String kind) {
        try {
            CallerKind.valueOf(kind);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
