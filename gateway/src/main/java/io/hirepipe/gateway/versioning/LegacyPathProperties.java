package io.hirepipe.gateway.versioning;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Instant;

/**
 * The unversioned paths ({@code /api/questions}, {@code /auth/login}) that still answer for one
 * release, and the dates announced for them.
 *
 * @param deprecatedAt sent as the {@code Deprecation} header (RFC 9745)
 * @param sunsetAt     sent as the {@code Sunset} header (RFC 8594): after it the aliases go away
 */
@ConfigurationProperties("hirepipe.gateway.legacy-paths")
public record LegacyPathProperties(Instant deprecatedAt, Instant sunsetAt) {

    public LegacyPathProperties {
        if (deprecatedAt == null || sunsetAt == null) {
            throw new IllegalStateException("hirepipe.gateway.legacy-paths.deprecated-at and sunset-at must be set");
        }
        if (!sunsetAt.isAfter(deprecatedAt)) {
            throw new IllegalStateException("hirepipe.gateway.legacy-paths.sunset-at must be after deprecated-at");
        }
    }
}
