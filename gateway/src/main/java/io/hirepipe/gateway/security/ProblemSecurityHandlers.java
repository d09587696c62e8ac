package io.hirepipe.gateway.security;

import io.hirepipe.gateway.versioning.PublicApi;
import io.hirepipe.gateway.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;

/** 401 and 403 at the edge as problem+json, like every other error. */
final class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
        boolean missing = e instanceof InsufficientAuthenticationException
                || e instanceof AuthenticationCredentialsNotFoundException;
        String detail = missing
                ? "Authentication is required: send 'Authorization: Bearer <token>' or 'X-Api-Key: <key>'."
                : "The credentials are invalid, expired or revoked.";
        if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith(PublicApi.GREENHOUSE)) {
            // Greenhouse authenticates with HTTP Basic: the API key as user name, an empty password
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Basic realm=\"Hirepipe\"");
            detail = missing ? "Authentication is required: send the API key as the HTTP Basic user name "
                    + "(password empty), or 'X-Api-Key: <key>'." : detail;
        } else {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        }
        return Problems.write(exchange, Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Unauthenticated", detail, exchange));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        if (exchange.getAttribute(ApiScopeAuthorization.NO_OPERATION) != null) {
            return Problems.write(exchange, Problems.noOperation(exchange));
        }
        String missingScope = exchange.getAttribute(ApiScopeAuthorization.MISSING_SCOPE);
        if (missingScope != null) {
            ProblemDetail problem = Problems.problem(HttpStatus.FORBIDDEN, "insufficient-scope", "Forbidden",
                    "This API key lacks the scope '" + missingScope + "'.", exchange);
            problem.setProperty("requiredScope", missingScope);
            return Problems.write(exchange, problem);
        }
        Optional<List<String>> required = Optional.ofNullable(exchange.getAttribute(RequiredRoles.REQUIRED));
        return Problems.forbidden(exchange, required).flatMap(problem -> Problems.write(exchange, problem));
    }
}
