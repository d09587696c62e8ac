package io.hirepipe.gateway.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** @param ttl how long a console sign-in lasts; the recruiter signs in again afterwards */
@ConfigurationProperties("hirepipe.gateway.browser-session")
public record BrowserSessionProperties(Duration ttl) {

    public BrowserSessionProperties {
        ttl = ttl == null ? Duration.ofHours(8) : ttl;
    }
}
