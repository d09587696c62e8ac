package io.hirepipe.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The gateway's own signing key for the tokens it hands to browsers (recruiters, candidates). It
 * must differ from the internal-token secret: a client token must never pass as an internal one.
 *
 * @param secret       HS256 key, at least 32 bytes ({@code HIREPIPE_GATEWAY_JWT_SECRET})
 * @param ttl          lifetime of a recruiter access token: short, because only the refresh token can be revoked
 * @param refreshTtl   lifetime of a recruiter sign-in (its refresh tokens); refreshing does not extend it
 * @param candidateTtl longest lifetime of a candidate token
 */
@ConfigurationProperties("hirepipe.gateway.jwt")
public record EdgeTokenProperties(String secret, String issuer, Duration ttl, Duration candidateTtl,
                                  Duration refreshTtl) {

    static final int MIN_SECRET_BYTES = 32;

    public EdgeTokenProperties {
        issuer = issuer == null || issuer.isBlank() ? "hirepipe-gateway" : issuer;
        ttl = ttl == null ? Duration.ofMinutes(15) : ttl;
        refreshTtl = refreshTtl == null ? Duration.ofHours(12) : refreshTtl;
        candidateTtl = candidateTtl == null ? Duration.ofHours(6) : candidateTtl;
    }

    byte[] secretBytes() {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("hirepipe.gateway.jwt.secret must be set to at least " + MIN_SECRET_BYTES
                    + " bytes (environment variable HIREPIPE_GATEWAY_JWT_SECRET)");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
