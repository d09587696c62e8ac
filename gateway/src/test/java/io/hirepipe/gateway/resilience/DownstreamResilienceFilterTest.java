package io.hirepipe.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.hirepipe.gateway.routing.DownstreamServices;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The retry of reads as Resilience4j's retry configures it (attempts, which failures, the wait), each attempt
 * judged by the service's breaker: the rules a caller relies on, without a server.
 */
class DownstreamResilienceFilterTest {

    private static final URI QUESTION_SERVICE = URI.create("http://question-service:8080");
    private static final URI ROUTED_URL = URI.create("http://question-service:8080/api/questions/q-1");

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final RetryRegistry retries = RetryRegistry.of(Map.of(DownstreamResilienceFilter.READ_RETRY_CONFIG,
            RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(1))
                    .retryExceptions(IOException.class).build()));
    private final DownstreamResilienceFilter filter = new DownstreamResilienceFilter(
            new DownstreamNames(new DownstreamServices(QUESTION_SERVICE, URI.create("http://assessment-service:8080"),
                    URI.create("http://scoring-service:8080"), URI.create("http://notification-service:8080"))),
            breakers, TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(30)).build()),
            retries, Duration.ofSeconds(30));

    /** A downstream that meets each attempt with the next outcome; what each attempt was asked for is kept. */
    private static final class Downstream implements GatewayFilterChain {

        private final List<Throwable> outcomes;
        final List<URI> attempts = new ArrayList<>();

        Downstream(Throwable... failuresBeforeAnswering) {
            this.outcomes = new ArrayList<>(List.of(failuresBeforeAnswering));
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange) {
            attempts.add(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR));
            // What a routing filter leaves behind: the exchange routed, the URL replaced by an instance's.
            ServerWebExchangeUtils.setAlreadyRouted(exchange);
            exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
                    URI.create("http://10.0.0.7:8080/api/questions/q-1"));
            if (!outcomes.isEmpty()) {
                return Mono.error(outcomes.remove(0));
            }
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            return Mono.empty();
        }
    }

    private static MockServerWebExchange routed(MockServerHttpRequest request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR,
                Route.async().id("questions").uri(QUESTION_SERVICE).predicate(e -> true).build());
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, ROUTED_URL);
        return exchange;
    }

    private Retry.Metrics retried() {
        return retries.retry("question-service", DownstreamResilienceFilter.READ_RETRY_CONFIG).getMetrics();
    }

    @Test
    void aReadWhoseConnectionFailsIsSentAgainToTheRoutedUrlAndItsAnswerIsTheResponse() {
        MockServerWebExchange exchange = routed(MockServerHttpRequest.get("/api/v1/questions/q-1").build());
        Downstream downstream = new Downstream(new IOException("Connection prematurely closed BEFORE response"));

        filter.filter(exchange, downstream).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(downstream.attempts).as("the second attempt is routed afresh, not to the first one's instance")
                .containsExactly(ROUTED_URL, ROUTED_URL);
        assertThat(retried().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(1);
        assertThat(breakers.circuitBreaker("question-service").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(breakers.circuitBreaker("question-service").getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void aReadThatAnswersAtOnceIsSentOnceAndCountedAsSuchByTheRetry() {
        MockServerWebExchange exchange = routed(MockServerHttpRequest.get("/api/v1/questions/q-1").build());
        Downstream downstream = new Downstream();

        filter.filter(exchange, downstream).block();

        assertThat(downstream.attempts).hasSize(1);
        assertThat(retried().getNumberOfSuccessfulCallsWithoutRetryAttempt()).isEqualTo(1);
        assertThat(retried().getNumberOfSuccessfulCallsWithRetryAttempt()).isZero();
    }

    @Test
    void aReadIsTriedAsOftenAsTheRetryAllowsThenItsLastFailureIsTheAnswer() {
        MockServerWebExchange exchange = routed(MockServerHttpRequest.get("/api/v1/questions/q-1").build());
        IOException last = new IOException("Connection refused, third time");
        Downstream downstream = new Downstream(new IOException("refused"), new IOException("refused again"), last,
                new IOException("never reached"));

        assertThatThrownBy(() -> filter.filter(exchange, downstream).block()).hasCause(last);

        assertThat(downstream.attempts).hasSize(3);
        assertThat(retried().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
    }

    @Test
    void aFailureTheRetryDoesNotCoverEndsAReadAtOnce() {
        MockServerWebExchange exchange = routed(MockServerHttpRequest.get("/api/v1/questions/q-1").build());
        Downstream downstream = new Downstream(new IllegalStateException("not a transport failure"));

        assertThatThrownBy(() -> filter.filter(exchange, downstream).block())
                .isInstanceOf(IllegalStateException.class);

        assertThat(downstream.attempts).hasSize(1);
        assertThat(retried().getNumberOfFailedCallsWithoutRetryAttempt()).isEqualTo(1);
    }

    @Test
    void aWriteIsNeverSentTwice() {
        MockServerWebExchange exchange = routed(MockServerHttpRequest.post("/api/v1/questions").body("{}"));
        Downstream downstream = new Downstream(new IOException("Connection prematurely closed BEFORE response"));

        assertThatThrownBy(() -> filter.filter(exchange, downstream).block()).hasCauseInstanceOf(IOException.class);

        assertThat(downstream.attempts).hasSize(1);
        assertThat(retried().getNumberOfFailedCallsWithoutRetryAttempt()
                + retried().getNumberOfFailedCallsWithRetryAttempt()).isZero();
    }
}
