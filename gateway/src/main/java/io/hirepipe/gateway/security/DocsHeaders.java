package io.hirepipe.gateway.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Swagger UI sets inline styles, so its pages get their own, relaxed policy. Only on the docs and
 * Swagger UI paths (all under /api/docs): everything else, the candidate app first, keeps the strict
 * {@link BrowserHeaders#CONTENT_SECURITY_POLICY}. Written before Spring Security's header writer,
 * which leaves a header alone when the response already has it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocsHeaders implements WebFilter {

    static final String SWAGGER_UI_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static boolean isDocs(String path) {
        return path.equals("/api/docs") || path.startsWith("/api/docs/") ;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isDocs(exchange.getRequest().getPath().pathWithinApplication().value())) {
            ServerHttpResponse response = exchange.getResponse();
            response.beforeCommit(() -> {
                response.getHeaders().set("Content-Security-Policy", SWAGGER_UI_POLICY);
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
