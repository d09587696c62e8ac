package io.hirepipe.gateway.web;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every failure that escapes a controller, a filter or the proxy into problem+json: unknown
 * paths, wrong methods, a downstream that refuses connections or times out, and genuine bugs
 * (500 with nothing internal in the body). Runs ahead of Boot's HTML/JSON error handler.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            // Part of a response is already on the wire: nothing sensible can be written any more.
            return Mono.error(failure);
        }
        ProblemDetail problem = FailureProblems.of(exchange, failure);
        FailureProblems.log(exchange, failure, problem);
        if (failure instanceof ErrorResponse errorResponse) {
            // e.g. Allow on 405, Accept on 415
            HttpHeaders extra = errorResponse.getHeaders();
            extra.forEach((name, values) -> exchange.getResponse().getHeaders().put(name, values));
        }
        return Problems.write(exchange, problem);
    }
}
