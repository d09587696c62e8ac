package io.hirepipe.defaults.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * How a service checks the internal token the gateway forwards, and how it proves itself when it
 * calls another service.
 *
 * @param jwkSetUri the gateway's public signing keys ({@code HIREPIPE_INTERNAL_TOKEN_JWKS_URI}); only the
 *                  gateway holds the private half, so no service can mint a token naming a person
 * @param audience  this service's name in the token's {@code aud}; defaults to {@code spring.application.name}
 * @param secret    service-to-service secret ({@code HIREPIPE_INTERNAL_TOKEN_SECRET}): a token signed with it may
 *                  only name a service caller, never a recruiter, candidate or platform client
 * @param issuer    the {@code iss} of internal tokens
 * @param ttl       how long a token a service issues stays valid: long enough for one request, no longer
 * @param jwkSet    the gateway's public keys given inline as a JWK set ({@code HIREPIPE_INTERNAL_TOKEN_JWKS}), for
 *                  deployments where services may not call the gateway; when set, {@code jwkSetUri} is not used
 */
@ConfigurationProperties("hirepipe.security.internal-token")
public record InternalTokenProperties(String jwkSetUri, String audience, String secret, String issuer, Duration ttl,
                                      String jwkSet) {

    public InternalTokenProperties(String jwkSetUri, String audience, String secret, String issuer, Duration ttl) {
        this(jwkSetUri, audience, secret, issuer, ttl, null);
    }

    static final int MIN_SECRET_BYTES = 32;

    @ConstructorBinding
    public InternalTokenProperties {
        issuer = issuer == null || issuer.isBlank() ? "hirepipe" : issuer;
        ttl = ttl == null ? Duration.ofSeconds(60) : ttl;
    }

    byte[] secretBytes() {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("hirepipe.security.internal-token.secret must be set to at least "
                    + MIN_SECRET_BYTES + " bytes (environment variable HIREPIPE_INTERNAL_TOKEN_SECRET): "
                    + "services sign their calls to each other with it");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    boolean hasInlineJwkSet() {
        return jwkSet != null && !jwkSet.isBlank();
    }

    String requiredJwkSetUri() {
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            throw new IllegalStateException("hirepipe.security.internal-token.jwk-set-uri must name the gateway's "
                    + "internal JWKS (environment variable HIREPIPE_INTERNAL_TOKEN_JWKS_URI)");
        }
        return jwkSetUri;
    }

    String requiredAudience() {
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("hirepipe.security.internal-token.audience (or spring.application.name) "
                    + "must name this service");
        }
        return audience;
    }
}
