package io.hirepipe.defaults.security;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

/**
 * Issues and verifies the short-lived HS256 JWT that carries a {@link Caller} from the gateway to
 * a service (or from one service to another). Nothing outside the platform holds the secret, so a
 * request that bypasses the gateway carries no valid token and is refused.
 */
public class InternalToken {

    static final String AUDIENCE = "hirepipe-services";

    private final JwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final InternalTokenProperties properties;
    private final Clock clock;

    public InternalToken(InternalTokenProperties properties, Clock clock) {
        SecretKey key = new SecretKeySpec(properties.secretBytes(), "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        this.decoder.setJwtValidator(CallerClaims.validator(properties.issuer(), AUDIENCE, EnumSet.allOf(CallerKind.class)));
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(Caller caller) {
        Instant now = clock.instant();
        JwtClaimsSet claims = CallerClaims.of(caller, properties.issuer(), AUDIENCE, now, now.plus(properties.ttl())).build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    public JwtDecoder decoder() {
        return decoder;
    }

    public static Caller callerOf(Jwt jwt) {
        return CallerClaims.callerOf(jwt);
    }
}
