package io.hirepipe.gateway.ratelimit;

import io.hirepipe.gateway.ratelimit.ClientLimiters.Decision;
import io.hirepipe.gateway.security.CallerAuthentication;
import io.hirepipe.gateway.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Draws each request from its group's budget for its client and refuses it with a 429 problem when
 * the budget is used up. Runs right after authentication (so it knows the caller) and before any
 * controller or route, so a refused request costs neither a bcrypt check nor a downstream call.
 */
class RateLimitWebFilter implements WebFilter, Ordered {

    private final RateLimitGroups groups;
    private final ClientLimiters limiters;

    RateLimitWebFilter(RateLimitGroups groups, ClientLimiters limiters) {
        this.groups = groups;
        this.limiters = limiters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<RateLimitGroups.Group> group = groups.of(exchange);
        if (group.isEmpty()) {
            return chain.filter(exchange);
        }
        return CallerAuthentication.current()
                .map(ClientIdentity::of)
                .switchIfEmpty(Mono.fromSupplier(() -> ClientIdentity.anonymous(exchange)))
                .flatMap(client -> {
                    Decision decision = limiters.acquire(group.get().name(), client);
                    RateLimitResponses.writeHeaders(exchange.getResponse().getHeaders(), decision);
                    return decision.permitted() ? chain.filter(exchange) : refuse(exchange, decision);
                });
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, Decision decision) {
        ProblemDetail problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                RateLimitResponses.detail(decision), exchange);
        problem.setProperty("rateLimitGroup", decision.group());
        problem.setProperty("retryAfterSeconds", decision.retryAfterSeconds());
        return Problems.write(exchange, problem);
    }

    /** Spring Security's filter chain runs at -100: the caller is known by 0. */
    @Override
    public int getOrder() {
        return 0;
    }
}
