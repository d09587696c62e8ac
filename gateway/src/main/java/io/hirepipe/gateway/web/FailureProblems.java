package io.hirepipe.gateway.web;

import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.problem.ProblemException;
import io.netty.handler.timeout.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.http.client.PrematureCloseException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The problem a failure becomes, wherever it surfaces (controller advice or the last-resort error
 * handler): it names the downstream route when one was involved and never reveals internals.
 */
final class FailureProblems {

    private static final Logger log = LoggerFactory.getLogger(FailureProblems.class);

    private FailureProblems() {
    }

    static ProblemDetail of(ServerWebExchange exchange, Throwable failure) {
        String downstream = routeId(exchange);
        if (failure instanceof ProblemException problemException) {
            return Problems.decorate(problemException.getBody(), exchange);
        }
        if (Causes.find(failure, RequestBodyTooLargeException.class) != null) {
            long limit = Causes.find(failure, RequestBodyTooLargeException.class).limit();
            return RequestBodyLimitWebFilter.tooLarge(exchange, limit);
        }
        if (Causes.find(failure, DataBufferLimitException.class) != null) {
            return Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The request body is too large.", exchange);
        }
        if (failure instanceof ErrorResponse errorResponse) {
            return fromStatus(exchange, errorResponse, downstream);
        }
        if (failure instanceof AuthenticationException) {
            return Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                    "Valid credentials are required.", exchange);
        }
        if (failure instanceof AccessDeniedException) {
            return Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Your credentials do not allow this operation.", exchange);
        }
        if (Causes.find(failure, ConnectException.class) != null || Causes.find(failure, UnknownHostException.class) != null
                || Causes.find(failure, NoRouteToHostException.class) != null) {
            return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "downstream-unavailable", "Service unavailable",
                    "The " + name(downstream) + " cannot be reached right now. Try again shortly.", exchange);
        }
        if (Causes.find(failure, DataAccessResourceFailureException.class) != null) {
            // The gateway's own identity store (MongoDB) is unreachable: logins and API keys cannot be checked.
            return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "identity-store-unavailable", "Service unavailable",
                    "Credentials cannot be checked right now. Try again shortly.", exchange);
        }
        if (Causes.find(failure, TimeoutException.class) != null) {
            return Problems.problem(HttpStatus.GATEWAY_TIMEOUT, "downstream-timeout", "Gateway timeout",
                    "The " + name(downstream) + " did not answer in time.", exchange);
        }
        if (downstream != null && (Causes.find(failure, PrematureCloseException.class) != null
                || Causes.find(failure, IOException.class) != null)) {
            return Problems.problem(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway",
                    "The " + name(downstream) + " closed the connection without a valid response.", exchange);
        }
        return internalError(exchange);
    }

    private static ProblemDetail fromStatus(ServerWebExchange exchange, ErrorResponse errorResponse, String downstream) {
        HttpStatusCode status = errorResponse.getStatusCode();
        String detail = switch (status.value()) {
            case 404 -> Problems.noOperationDetail(exchange);
            case 405 -> "Method " + exchange.getRequest().getMethod() + " is not supported at this path.";
            case 502 -> "The " + name(downstream) + " returned an invalid response.";
            case 503 -> "The " + name(downstream) + " is not available right now. Try again shortly.";
            case 504 -> "The " + name(downstream) + " did not answer in time.";
            default -> status.is5xxServerError() ? null : errorResponse.getBody().getDetail();
        };
        if (detail == null) {
            return internalError(exchange);
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String slug = known == null ? "error" : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String title = known == null ? "Error" : known.getReasonPhrase();
        return Problems.problem(status, slug, title, detail, exchange);
    }

    private static ProblemDetail internalError(ServerWebExchange exchange) {
        return Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed unexpectedly. Quote the correlation id when you report it.", exchange);
    }

    /** 5xx are logged (with the correlation id) because only the gateway knows what went wrong. */
    static void log(ServerWebExchange exchange, Throwable failure, ProblemDetail problem) {
        try (CorrelationId.Scope ignored = CorrelationId.open(CorrelationIdWebFilter.of(exchange))) {
            String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
            if (problem.getStatus() == 500) {
                log.error("Unexpected failure on {}", request, failure);
            } else if (problem.getStatus() >= 502) {
                log.warn("{} failed with {}: {}", request, problem.getStatus(), failure.toString());
            } else {
                log.debug("{} failed with {}: {}", request, problem.getStatus(), failure.toString());
            }
        }
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? null : route.getId();
    }

    private static String name(String downstream) {
        return downstream == null ? "upstream service" : downstream;
    }
}
