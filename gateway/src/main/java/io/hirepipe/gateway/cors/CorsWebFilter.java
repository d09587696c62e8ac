package io.hirepipe.gateway.cors;

import io.hirepipe.gateway.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Locale;

/**
 * Answers preflights and marks cross-origin responses for the allow-listed origins, ahead of
 * security (a preflight carries no credentials). A cross-origin request from any other origin gets a
 * 403 problem instead of Spring's empty one.
 */
class CorsWebFilter implements WebFilter, Ordered {

    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    CorsWebFilter(CorsProperties properties) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.allowedOrigins());
        config.setAllowedMethods(properties.allowedMethods());
        config.setAllowedHeaders(properties.allowedHeaders());
        config.setExposedHeaders(properties.exposedHeaders());
        config.setAllowCredentials(false);
        config.setMaxAge(properties.maxAge());
        this.configuration = config;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest()) || sameHost(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        boolean allowed = processor.process(configuration, exchange);
        if (!allowed) {
            // DefaultCorsProcessor set a bare 403; the body says why.
            return Problems.write(exchange, Problems.problem(HttpStatus.FORBIDDEN, "cors-origin-not-allowed",
                    "Forbidden", "Requests from this origin are not allowed.", exchange));
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        return chain.filter(exchange);
    }

    /**
     * The web app's own calls: behind a TLS-terminating proxy the gateway sees http and its own port
     * while the browser's Origin says https, so Spring would call them cross-origin. The Host header
     * still names this site, and its port: the scheme is all that is left out of the comparison. An app on
     * another port of the same host is another origin (its own server, maybe not ours), so the port must
     * match too: an origin without one (its scheme's default) matches a Host without one or with that default.
     */
    private static boolean sameHost(ServerHttpRequest request) {
        try {
            URI origin = URI.create(request.getHeaders().getOrigin());
            String hostHeader = request.getHeaders().getFirst(HttpHeaders.HOST);
            if (origin.getHost() == null || origin.getScheme() == null || hostHeader == null) {
                return false;
            }
            // Host is host[:port] and nothing else; anything more names no site.
            URI host = URI.create("http://" + hostHeader.trim());
            boolean hostOnly = host.getRawUserInfo() == null && host.getRawPath().isEmpty() && host.getRawQuery() == null
                    && host.getRawFragment() == null;
            return hostOnly && host.getHost() != null && origin.getHost().equalsIgnoreCase(host.getHost())
                    && samePort(origin, host.getPort());
        } catch (IllegalArgumentException malformedOriginOrHost) {
            return false;
        }
    }

    private static boolean samePort(URI origin, int hostPort) {
        int defaultPort = switch (origin.getScheme().toLowerCase(Locale.ROOT)) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
        int originPort = origin.getPort() == -1 ? defaultPort : origin.getPort();
        // A Host without a port is the default port of whatever scheme the browser used.
        return originPort != -1 && (hostPort == -1 ? originPort == defaultPort : originPort == hostPort);
    }

    /** After the correlation id, before security and rate limits. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
