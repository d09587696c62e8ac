package io.hirepipe.gateway.versioning;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves the pre-version paths as aliases of {@code /api/v1}: {@code /api/questions} is handled
 * exactly as {@code /api/v1/questions}, {@code /auth/login} as {@code /api/v1/auth/login}.
 * The request is rewritten in place, not redirected, because a client that does not re-send a
 * POST after a redirect would break. Every aliased answer says it is deprecated and when it goes.
 * <p>
 * Runs right after the correlation id and before security, so the security rules, the routes and
 * the controllers only ever see versioned paths.
 */
@Component
public class LegacyPathAliases implements WebFilter, Ordered {

    private static final Pattern VERSIONED = Pattern.compile("^/api/v\\d+(/.*)?$");
    private static final String DOCS = "/api/docs";

    /**
     * RFC 9110's HTTP-date: always two digits for the day ("Tue, 01 Jun 2027 …"); Java's RFC_1123_DATE_TIME writes
     * "1 Jun", which strict HTTP-date parsers refuse.
     */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final String deprecation;
    private final String sunset;

    public LegacyPathAliases(LegacyPathProperties properties) {
        this.deprecation = "@" + properties.deprecatedAt().getEpochSecond();
        this.sunset = IMF_FIXDATE.format(properties.sunsetAt().atOffset(ZoneOffset.UTC));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return versionedPathFor(path)
                .map(versioned -> chain.filter(aliased(exchange, versioned)))
                .orElseGet(() -> chain.filter(exchange));
    }

    /** The versioned path an unversioned public path stands for, if it is one. */
    static Optional<String> versionedPathFor(String path) {
        if (path.equals("/auth") || path.startsWith("/auth/")) {
            return Optional.of(PublicApi.V1 + path);
        }
        // Nearly every request already names /api/v1: answered before the pattern, which costs per request.
        if (path.startsWith(PublicApi.V1 + "/")) {
            return Optional.empty();
        }
        if (path.startsWith("/api/") && !VERSIONED.matcher(path).matches()
                && !path.equals(DOCS) && !path.startsWith(DOCS + "/")) {
            return Optional.of(PublicApi.V1 + path.substring("/api".length()));
        }
        return Optional.empty();
    }

    private ServerWebExchange aliased(ServerWebExchange exchange, String versioned) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("Deprecation", deprecation);
        headers.set("Sunset", sunset);
        headers.add(HttpHeaders.LINK, "<" + versioned + ">; rel=\"successor-version\"");
        return exchange.mutate().request(request -> request.path(versioned)).build();
    }

    @Override
    public int getOrder() {
        // After CorrelationIdWebFilter (HIGHEST_PRECEDENCE), long before Spring Security (-100).
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
