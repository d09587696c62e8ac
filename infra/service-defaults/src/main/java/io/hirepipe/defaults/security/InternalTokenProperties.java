package io.hirepipe.defaults.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The shared secret with which the gateway signs the token it forwards, and services verify it.
 * Set it with {@code HIREPIPE_INTERNAL_TOKEN_SECRET}; a service will not start without one.
 *
 * @param ttl how long a forwarded token stays valid: long enough for one request, no longer
 */
@ConfigurationProperties("hirepipe.security.internal-token")
public record InternalTokenProperties(String secret, String issuer, Duration ttl) {

    static final int MIN_SECRET_BYTES = 32;

    public InternalTokenProperties {
        issuer = issuer == null || issuer.isBlank() ? "hirepipe" : issuer;
        ttl = ttl == null ? Duration.ofSeconds(60) : ttl;
    }

    byte[] secretBytes() {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("hirepipe.security.internal-token.secret must be set to at least "
                    + MIN_SECRET_BYTES + " bytes (environment variable HIREPIPE_INTERNAL_TOKEN_SECRET): "
                    + "services only accept requests signed with it");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
