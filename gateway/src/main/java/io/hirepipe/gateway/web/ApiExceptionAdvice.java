package io.hirepipe.gateway.web;

import io.hirepipe.defaults.problem.JsonProblemDescriber;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.PreAuthorizedRoles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Problem+json for the gateway's own endpoints, in the same shape the services use: bad input is
 * a 400 that names the field, never a 500. Replaces Boot's default reactive problem handler.
 */
@RestControllerAdvice
public class ApiExceptionAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex, HttpHeaders headers,
                                                                         HttpStatusCode status,
                                                                         ServerWebExchange exchange) {
        if (Causes.find(ex, RequestBodyTooLargeException.class) != null) {
            long limit = Causes.find(ex, RequestBodyTooLargeException.class).limit();
            return problem(RequestBodyLimitWebFilter.tooLarge(exchange, limit));
        }
        return problem(Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                JsonProblemDescriber.describe(ex), exchange));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionAdvice::fieldError)
                .toList();
        String detail = errors.isEmpty()
                ? "The request is invalid."
                : errors.stream().map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; "));
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                detail, exchange);
        problem.setProperty("errors", errors);
        return problem(problem);
    }

    /**
     * Spring also routes failures of the proxy (e.g. a downstream timeout) through this advice: server
     * errors get the same route-aware, leak-free problem as in {@link GatewayErrorHandler}.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                   HttpStatusCode status, ServerWebExchange exchange) {
        // Spring's own wording for an unknown path ("No static resource api/v1/x.") tells an API client nothing
        if (status.is5xxServerError() || (ex instanceof NoResourceFoundException)) {
            ProblemDetail problem = FailureProblems.of(exchange, ex);
            FailureProblems.log(exchange, ex, problem);
            return super.handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()),
                    exchange);
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
                                                                HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getStatus() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                problem.setType(URI.create(ProblemException.TYPE_BASE + "payload-too-large"));
                problem.setTitle("Payload too large");
                if (problem.getDetail() == null) {
                    // Spring's codec limit for the gateway's own (small) request bodies says nothing more.
                    problem.setDetail("The request body is too large for this endpoint.");
                }
            }
            if (problem.getDetail() == null) {
                HttpStatus known = HttpStatus.resolve(problem.getStatus());
                problem.setDetail(known == null ? "The request failed." : known.getReasonPhrase() + ".");
            }
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                HttpStatus known = HttpStatus.resolve(problem.getStatus());
                String slug = known == null ? "error" : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
                problem.setType(URI.create(ProblemException.TYPE_BASE + slug));
            }
            Problems.decorate(problem, exchange);
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    /**
     * Method security on the gateway's own endpoints (API keys and users are for administrators): the 403 says what the
     * caller lacks, as the services' do. Here, inside the handler's exchange, the principal is still known.
     */
    @ExceptionHandler(AccessDeniedException.class)
    Mono<ResponseEntity<Object>> accessDenied(AccessDeniedException ex, ServerWebExchange exchange) {
        Optional<List<String>> allowed = exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
                instanceof HandlerMethod handler ? PreAuthorizedRoles.of(handler) : Optional.empty();
        return Problems.forbidden(exchange, allowed).flatMap(ApiExceptionAdvice::problem);
    }

    private static Mono<ResponseEntity<Object>> problem(ProblemDetail problem) {
        return Mono.just(ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem));
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }
}
