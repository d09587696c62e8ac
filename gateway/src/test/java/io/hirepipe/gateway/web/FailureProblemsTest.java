package io.hirepipe.gateway.web;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import java.net.ConnectException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class FailureProblemsTest {

    private static MockServerWebExchange exchangeOnRoute(String routeId) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/results/1"));
        if (routeId != null) {
            exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, Route.async()
                    .id(routeId).uri(URI.create("http://localhost:1")).predicate(e -> true).build());
        }
        return exchange;
    }

    @Test
    void aBugIsA500ThatRevealsNothingInternal() {
        ProblemDetail problem = FailureProblems.of(exchangeOnRoute(null),
                new IllegalStateException("password=hunter2 at com.example.Secret"));

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).doesNotContain("hunter2").doesNotContain("IllegalState");
        assertThat(problem.getProperties()).containsKey("correlationId");
        assertThat(problem.getInstance()).hasToString("/api/results/1");
    }

    @Test
    void aRefusedConnectionIsA503NamingTheRoute() {
        ProblemDetail problem = FailureProblems.of(exchangeOnRoute("scoring-service"),
                new RuntimeException(new ConnectException("Connection refused: /10.0.0.7:8083")));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getDetail()).contains("scoring-service").doesNotContain("10.0.0.7");
    }

    @Test
    void aDownstreamTimeoutIsA504WithoutTheInternalMessage() {
        ProblemDetail problem = FailureProblems.of(exchangeOnRoute("scoring-service"),
                new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout: PT30S"));

        assertThat(problem.getStatus()).isEqualTo(504);
        assertThat(problem.getDetail()).isEqualTo("The scoring-service did not answer in time.");
    }

    @Test
    void anUnreachableIdentityStoreIsA503() {
        ProblemDetail problem = FailureProblems.of(exchangeOnRoute(null),
                new DataAccessResourceFailureException("Timed out after 30000 ms while waiting for mongo:27017"));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getDetail()).doesNotContain("mongo");
    }
}
