package io.hirepipe.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.hirepipe.gateway.web.Problems;
import io.hirepipe.gateway.routing.RouteAttempts;
import io.netty.handler.timeout.ReadTimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Guards every proxied call with its service's circuit breaker and time limit, and retries reads.
 *
 * <p>Sits inside the filter that writes the response body, so it sees each attempt end when the downstream
 * response's status and headers have arrived, before anything is sent to the client: an open breaker, a
 * time-out or a retry can still choose the answer. 5xx answers and transport failures count against the
 * breaker. It runs before the load balancer chooses an instance (and before the failover to another
 * instance when one refuses connections), so the breaker judges the service, not one of its instances,
 * and a retried read may go to another instance.
 */
class DownstreamResilienceFilter implements GlobalFilter, Ordered {

    /** The retry configuration in {@code resilience4j.retry.configs}. */
    static final String READ_RETRY_CONFIG = "idempotent-reads";

    private final DownstreamNames names;
    private final CircuitBreakerRegistry breakers;
    private final TimeLimiterRegistry timeLimiters;
    private final RetryRegistry retries;
    /** The routing HTTP client's response timeout ({@code DownstreamResponseTimeout}), always in force. */
    private final Duration gatewayResponseTimeout;

    DownstreamResilienceFilter(DownstreamNames names, CircuitBreakerRegistry breakers,
                               TimeLimiterRegistry timeLimiters, RetryRegistry retries, Duration gatewayResponseTimeout) {
        this.gatewayResponseTimeout = gatewayResponseTimeout;
        this.names = names;
        this.breakers = breakers;
        this.timeLimiters = timeLimiters;
        this.retries = retries;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        String service = names.of(route);
        CircuitBreaker breaker = breakers.circuitBreaker(service);
        Duration timeLimit = timeLimiters.timeLimiter(service).getTimeLimiterConfig().getTimeoutDuration();
        Mono<Void> call = Mono.defer(() -> attempt(exchange, chain, breaker, timeLimit));
        if (isIdempotentRead(exchange.getRequest().getMethod())) {
            Retry retry = retries.retry(service, READ_RETRY_CONFIG);
            URI target = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
            call = new RetriedAttempts(exchange, target, call, retry.asyncContext()).first();
        }
        return call.onErrorResume(CallNotPermittedException.class, open -> breakerOpen(exchange, service, breaker))
                .onErrorResume(TimeoutException.class, late -> timedOut(exchange, service, timeLimit))
                .onErrorResume(ReadTimeoutException.class, late -> timedOut(exchange, service, gatewayResponseTimeout));
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, CircuitBreaker breaker,
                               Duration timeLimit) {
        breaker.acquirePermission();
        long started = breaker.getCurrentTimestamp();
        Mono<Void> call = chain.filter(exchange);
        if (timeLimit.compareTo(gatewayResponseTimeout) < 0) {
            // A second timer per request costs a cross-thread wake-up; only when it is the stricter one.
            call = call.timeout(timeLimit, Mono.error(() -> new TimeoutException("no answer within " + timeLimit)));
        }
        return call
                .doOnSuccess(done -> {
                    long took = breaker.getCurrentTimestamp() - started;
                    HttpStatusCode status = exchange.getResponse().getStatusCode();
                    if (status != null && countsAsFailure(status)) {
                        breaker.onError(took, breaker.getTimestampUnit(), new DownstreamServerError(status.value()));
                    } else {
                        breaker.onSuccess(took, breaker.getTimestampUnit());
                    }
                })
                .doOnError(failure -> breaker.onError(breaker.getCurrentTimestamp() - started,
                        breaker.getTimestampUnit(), failure))
                .doOnCancel(breaker::releasePermission);
    }

    /** A service that answers 4xx is healthy; one that answers 500, 502, 503 or 504 may not be. */
    private static boolean countsAsFailure(HttpStatusCode status) {
        return status.is5xxServerError() && status.value() != HttpStatus.NOT_IMPLEMENTED.value();
    }

    private static boolean isIdempotentRead(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    private static Mono<Void> breakerOpen(ServerWebExchange exchange, String service, CircuitBreaker breaker) {
        long retryAfter = Math.max(1, TimeUnit.MILLISECONDS.toSeconds(
                breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1) + 999));
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "downstream-circuit-open",
                "Service unavailable", "The " + service + " is failing, so calls to it are paused. Try again in "
                        + retryAfter + " s.", exchange);
        problem.setProperty("service", service);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return Problems.write(exchange, problem);
    }

    private static Mono<Void> timedOut(ServerWebExchange exchange, String service, Duration timeLimit) {
        ProblemDetail problem = Problems.problem(HttpStatus.GATEWAY_TIMEOUT, "downstream-timeout", "Gateway timeout",
                "The " + service + " did not answer within " + timeLimit.toMillis() + " ms.", exchange);
        problem.setProperty("service", service);
        return Problems.write(exchange, problem);
    }

    @Override
    public int getOrder() {
        // Inside NettyWriteResponseFilter (-1), after the filter that resolves the route's URL (10000), and
        // ahead of the instance failover and the load balancer (10140, 10150) and of NettyRoutingFilter.
        return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER - 20;
    }

    /**
     * A read's attempts under Resilience4j's retry, driven through the retry's own context: a failure the retry
     * accepts is tried again after its wait, anything else ends the read. Resilience4j's Reactor operator does the
     * same through Reactor's {@code retryWhen}, which builds a companion flux and sink for every request; nearly no
     * read is ever retried, so every read paid for that. Before a second attempt, what the first left on the
     * exchange is undone so the request is routed again.
     */
    private static final class RetriedAttempts {

        private final ServerWebExchange exchange;
        /** The route's URL before the load balancer replaced it with the chosen instance's. */
        private final URI target;
        private final Mono<Void> call;
        private final Retry.AsyncContext<Void> retry;

        RetriedAttempts(ServerWebExchange exchange, URI target, Mono<Void> call, Retry.AsyncContext<Void> retry) {
            this.exchange = exchange;
            this.target = target;
            this.call = call;
            this.retry = retry;
        }

        Mono<Void> first() {
            return attempt(call);
        }

        private Mono<Void> attempt(Mono<Void> thisAttempt) {
            return thisAttempt.doOnSuccess(done -> retry.onComplete()).onErrorResume(this::afterFailure);
        }

        private Mono<Void> afterFailure(Throwable failure) {
            if (failure instanceof Error) {
                return Mono.error(failure);
            }
            long waitMillis = retry.onError(failure);
            if (waitMillis < 0) {
                return Mono.error(failure);
            }
            return Mono.delay(Duration.ofMillis(waitMillis)).then(attempt(Mono.defer(() -> {
                RouteAttempts.resetForAnotherAttempt(exchange, target);
                return call;
            })));
        }
    }

    /** Records a 5xx answer as a failure in the breaker's window. */
    static final class DownstreamServerError extends RuntimeException {
        DownstreamServerError(int status) {
            super("downstream answered " + status, null, false, false);
        }
    }
}
