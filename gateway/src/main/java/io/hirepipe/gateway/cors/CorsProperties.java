package io.hirepipe.gateway.cors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Which other origins' browser code may call the API. Empty (the default) means none: the web app is
 * served on the API's own origin and needs no CORS. Credentials are never allowed cross-origin, since
 * the API takes bearer tokens and API keys, not cookies; and because a preflight carries no
 * credentials, the list is one for all tenants.
 */
@ConfigurationProperties("hirepipe.gateway.cors")
public record CorsProperties(List<String> allowedOrigins,
                             @DefaultValue({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}) List<String> allowedMethods,
                             @DefaultValue({"Authorization", "Content-Type", "X-Api-Key", "X-Correlation-Id",
                                     "Idempotency-Key"}) List<String> allowedHeaders,
                             @DefaultValue({"X-Correlation-Id", "Retry-After", "RateLimit", "RateLimit-Policy",
                                     "Location", "Deprecation", "Sunset"}) List<String> exposedHeaders,
                             @DefaultValue("10m") Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        if (allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("hirepipe.gateway.cors.allowed-origins lists origins; '*' is not allowed");
        }
    }
}
