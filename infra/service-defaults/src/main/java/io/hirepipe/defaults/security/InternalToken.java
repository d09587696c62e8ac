package io.hirepipe.defaults.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTParser;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.client.RestTemplate;



import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

/**
 * A service's view of internal tokens. It verifies two kinds:
 * <ul>
 *   <li>RS256 tokens from the gateway, checked against the gateway's JWKS (by {@code kid}) and this
 *   service's audience; they may name any caller;</li>
 *   <li>HS256 tokens one service sends another, signed with the service-to-service secret; they may
 *   only name a {@link CallerKind#SERVICE} caller.</li>
 * </ul>
 * A service holds no gateway private key, so it can never mint a token naming a recruiter,
 * candidate or platform client, for its own tenant or any other.
 */
public class InternalToken {

    /** The audience of service-to-service tokens. */
    static final String SERVICES_AUDIENCE = "hirepipe-services";
    /** The subject under which the gateway calls services itself. */
    static final String GATEWAY = "gateway";

    /**
     * How many verified gateway tokens are remembered, and for how long. The gateway reuses one token per
     * caller for half its 60 s lifetime, so 30 s covers a reuse. It is also the bound on how long a token
     * outlives the removal of its signing key from the JWKS, beyond the time the JWKS itself stays cached.
     */
    static final long VERIFIED_TOKENS_KEPT = 10_000;
    static final Duration VERIFIED_TOKENS_KEPT_FOR = Duration.ofSeconds(30);

    private final JwtEncoder serviceEncoder;
    private final NimbusJwtDecoder gatewayTokens;
    private final NimbusJwtDecoder serviceTokens;
    private final VerifiedTokens verifiedGatewayTokens;
    private final InternalTokenProperties properties;
    private final Clock clock;

    public InternalToken(InternalTokenProperties properties, Clock clock) {
        SecretKey key = new SecretKeySpec(properties.secretBytes(), "HmacSHA256");
        this.serviceEncoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
        this.serviceTokens = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        this.serviceTokens.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                CallerClaims.validator(properties.issuer(), SERVICES_AUDIENCE, EnumSet.of(CallerKind.SERVICE)),
                // Only the gateway's own key can prove the gateway's identity (e.g. to redeem invitations).
                new JwtClaimValidator<String>("sub", subject -> !GATEWAY.equals(subject))));
        this.gatewayTokens = gatewayKeys(properties);
        OAuth2TokenValidator<Jwt> gatewayClaims = CallerClaims.validator(properties.issuer(),
                properties.requiredAudience(), EnumSet.allOf(CallerKind.class), clock);
        this.gatewayTokens.setJwtValidator(gatewayClaims);
        // Only the gateway's tokens are reused (a service signs a fresh one per call), and their RS256 check was
        // about a tenth of a cheap request's CPU.
        this.verifiedGatewayTokens = new VerifiedTokens(gatewayClaims, VERIFIED_TOKENS_KEPT,
                VERIFIED_TOKENS_KEPT_FOR);
        this.properties = properties;
        this.clock = clock;
    }

    private static NimbusJwtDecoder gatewayKeys(InternalTokenProperties properties) {
        if (properties.hasInlineJwkSet()) {
            try {
                // Only public keys are ever used to verify, even if a private one was configured by mistake.
                JWKSet keys = JWKSet.parse(properties.jwkSet()).toPublicJWKSet();
                return NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(keys))
                        .jwsAlgorithm(SignatureAlgorithm.RS256).build();
            } catch (ParseException e) {
                throw new IllegalStateException("hirepipe.security.internal-token.jwk-set is not a valid JWK set", e);
            }
        }
        // Nimbus's own 500 ms read timeout fails the first request of a busy service; the keys are fetched
        // rarely (cached, and again only for an unknown kid), so waiting a little longer costs nothing.
        SimpleClientHttpRequestFactory http = new SimpleClientHttpRequestFactory();
        http.setConnectTimeout(Duration.ofSeconds(2));
        http.setReadTimeout(Duration.ofSeconds(5));
        return NimbusJwtDecoder.withJwkSetUri(properties.requiredJwkSetUri()).jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(new RestTemplate(http)).build();
    }

    /** A token for this service's own calls to another service; it can only name a service. */
    public String issue(Caller service) {
        if (service.kind() != CallerKind.SERVICE) {
            throw new IllegalArgumentException("a service may only sign tokens naming a service, not a "
                    + service.kind());
        }
        if (GATEWAY.equals(service.subject())) {
            throw new IllegalArgumentException("only the gateway's key can sign as the gateway");
        }
        Instant now = clock.instant();
        JwtClaimsSet claims = CallerClaims.of(service, properties.issuer(), SERVICES_AUDIENCE, now,
                now.plus(properties.ttl())).build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return serviceEncoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    public JwtDecoder decoder() {
        return token -> {
            Jwt remembered = verifiedGatewayTokens.remembered(token);
            if (remembered != null) {
                return remembered;
            }
            JwtDecoder decoder = decoderFor(token);
            Jwt jwt = decoder.decode(token);
            if (decoder == gatewayTokens) {
                verifiedGatewayTokens.remember(token, jwt);
            }
            return jwt;
        };
    }

    private JwtDecoder decoderFor(String token) {
        try {
            JWSAlgorithm algorithm = (JWSAlgorithm) JWTParser.parse(token).getHeader().getAlgorithm();
            // Anything else (alg none, other algorithms) goes to the gateway decoder, which refuses it.
            return JWSAlgorithm.HS256.equals(algorithm) ? serviceTokens : gatewayTokens;
        } catch (ParseException | ClassCastException e) {
            throw new BadJwtException("Malformed token", e);
        }
    }

    public static Caller callerOf(Jwt jwt) {
        return CallerClaims.callerOf(jwt);
    }
}
