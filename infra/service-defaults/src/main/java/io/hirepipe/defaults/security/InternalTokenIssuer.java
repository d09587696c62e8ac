package io.hirepipe.defaults.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Signs internal tokens with RS256. Only the gateway constructs one (with its private keys); the
 * services hold just the public half, published by {@link #publicJwks()}.
 * <p>
 * Rotation: the first key signs; every key in the set is published. Add the new key second, wait
 * for the services to have fetched it, move it first, and drop the old one once tokens it signed
 * have expired ({@code ttl}): at no step does a service see a key it cannot verify.
 */
public class InternalTokenIssuer {

    private final RSAKey signingKey;
    private final JWKSet publicKeys;
    private final NimbusJwtEncoder encoder;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    public InternalTokenIssuer(JWKSet keys, String issuer, Duration ttl, Clock clock) {
        List<JWK> all = keys.getKeys();
        if (all.isEmpty() || all.stream().anyMatch(key -> !(key instanceof RSAKey rsa) || !rsa.isPrivate()
                || key.getKeyID() == null || key.getKeyID().isBlank())) {
            throw new IllegalStateException("internal-token signing keys must be RSA private keys, each with a kid");
        }
        this.signingKey = (RSAKey) all.get(0);
        this.publicKeys = keys.toPublicJWKSet();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(signingKey)));
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Parses a JWK set (JSON, private keys included) as the gateway's configuration holds it. */
    public static JWKSet parseKeys(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalStateException("internal-token signing keys are not configured");
        }
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("internal-token signing keys are not a valid JWK set", e);
        }
    }

    /** A token naming {@code caller}, valid only at the service called {@code audience}. */
    public String issue(Caller caller, String audience) {
        return issue(caller, audience, List.of());
    }

    /**
     * As {@link #issue(Caller, String)}, also carrying the scopes the caller was granted (a platform
     * client's API key) in the {@code scope} claim, space-separated as in OAuth 2.
     */
    public String issue(Caller caller, String audience, List<String> scopes) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder builder = CallerClaims.of(caller, issuer, audience, now, now.plus(ttl));
        if (!scopes.isEmpty()) {
            builder.claim(GrantedScopes.CLAIM, String.join(" ", scopes));
        }
        JwtClaimsSet claims = builder.build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKey.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** The public keys, as a JWKS document. */
    public Map<String, Object> publicJwks() {
        return publicKeys.toJSONObject(true);
    }

    public String signingKeyId() {
        return signingKey.getKeyID();
    }
}
