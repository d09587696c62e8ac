package io.hirepipe.gateway.web;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.ForbiddenDetail;
import io.hirepipe.gateway.security.CallerAuthentication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * RFC 9457 bodies written straight to the response, for errors raised outside controllers
 * (security, filters, routing), where no message writer is involved.
 */
public final class Problems {

    /** The mixin flattens custom members (correlationId, errors) into the top level, as RFC 9457 wants. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private Problems() {
    }

    /**
     * A 429 to throw whose wait is {@code Retry-After} and {@code retryAfterSeconds}: the wait rounded up to whole
     * seconds, at least one; {@code detail} words it from those seconds.
     */
    public static ProblemException tooManyRequests(String type, String title, Duration wait,
                                                   LongFunction<String> detail) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemException problem = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, type, title, detail.apply(seconds));
        problem.with("retryAfterSeconds", seconds);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problem;
    }

    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail,
                                        ServerWebExchange exchange) {
        return decorate(problem(status, type, title, detail), exchange);
    }

    /** A problem for a request that has no exchange (refused before Spring reads it). */
    static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        return ProblemException.problem(status, type, title, detail);
    }

    static byte[] json(ProblemDetail problem) {
        return JSON.writeValueAsBytes(problem);
    }

    /** Adds the request path and correlation id, which let an operator find the matching log lines. */
    public static ProblemDetail decorate(ProblemDetail problem, ServerWebExchange exchange) {
        if (problem.getInstance() == null) {
            try {
                problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
            } catch (IllegalArgumentException unusualPath) {
                // The instance is a courtesy; an error response must never fail because of it.
            }
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey("correlationId")) {
            problem.setProperty("correlationId", CorrelationIdWebFilter.of(exchange));
        }
        return problem;
    }

    /** The 404 for a path that names no operation (a typo in one of its segments), whoever the caller. */
    public static ProblemDetail noOperation(ServerWebExchange exchange) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", noOperationDetail(exchange), exchange);
    }

    static String noOperationDetail(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        // Echoed paths stay readable: a path can be as long as the request line allows.
        String shortened = path.length() <= 120 ? path : path.substring(0, 120) + "…";
        return "There is nothing at " + shortened + ". The API is described at /api/docs.";
    }

    /**
     * The 403 for a caller the operation does not let in, saying what it lacks ({@link ForbiddenDetail}): the roles
     * the operation allows, empty when unknown, and the request's verified caller.
     */
    public static Mono<ProblemDetail> forbidden(ServerWebExchange exchange, Optional<List<String>> allowedRoles) {
        return CallerAuthentication.current().map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(caller -> problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                        ForbiddenDetail.of(allowedRoles, caller.orElse(null)), exchange));
    }

    /**
     * Also for problems answered before Spring Security's header writer runs (a body over the limit, a refused path or
     * origin): such an answer, which may echo the request's path, is never sniffed as another type nor cached. Where the
     * writer runs as well, it adds these only where they are missing, so each comes once.
     */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        HttpHeaders headers = response.getHeaders();
        headers.remove("Content-Length");
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (!headers.containsHeader("X-Content-Type-Options")) {
            headers.set("X-Content-Type-Options", "nosniff");
        }
        if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
            headers.setCacheControl(CacheControl.noStore());
        }
        return response.writeWith(Mono.fromSupplier(
                () -> response.bufferFactory().wrap(json(problem))));
    }
}
