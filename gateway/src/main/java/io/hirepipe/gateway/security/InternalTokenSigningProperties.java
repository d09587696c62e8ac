package io.hirepipe.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The private keys with which only the gateway signs the internal token it forwards to services.
 *
 * @param signingKeys a JWK set of RSA private keys, each with a {@code kid}
 *                    ({@code HIREPIPE_GATEWAY_INTERNAL_SIGNING_KEYS}); the first signs, all are published
 * @param issuer      the {@code iss} services expect
 * @param ttl         lifetime of one internal token; a token is reused for one caller and service while at
 *                    least half of it remains ({@link ReusedInternalTokens})
 * @param reuseCacheSize how many (caller, service) tokens are kept for reuse at most
 */
@ConfigurationProperties("hirepipe.gateway.internal-token")
public record InternalTokenSigningProperties(String signingKeys, String issuer, Duration ttl, Long reuseCacheSize) {

    public InternalTokenSigningProperties {
        issuer = issuer == null || issuer.isBlank() ? "hirepipe" : issuer;
        ttl = ttl == null ? Duration.ofSeconds(60) : ttl;
        reuseCacheSize = reuseCacheSize == null ? 10_000L : reuseCacheSize;
    }
}
