package io.hirepipe.gateway.failover;

import io.hirepipe.gateway.routing.RouteAttempts;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * A request to an {@code lb://} service whose chosen instance refuses the connection (or cannot be reached
 * within the connect timeout) is sent to another instance, and the refusing one is left out of the rotation
 * for a while ({@link RefusingInstances}). Safe for every method, POST included: a request whose connection
 * was never established never reached the service, and its body was never read.
 *
 * <p>Sits just before the load-balancer filter, so each attempt chooses an instance again, and inside the
 * circuit breaker ({@code DownstreamResilienceFilter}), which so sees one outcome per request: one dead
 * instance while another answers does not open the service's breaker.
 */
class InstanceFailoverFilter implements GlobalFilter, Ordered {

    static final int ORDER = ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER - 10;

    private final RefusingInstances refusing;
    private final int maxAttempts;

    InstanceFailoverFilter(RefusingInstances refusing, int maxAttempts) {
        this.refusing = refusing;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI balanced = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        if (balanced == null || !isLoadBalanced(balanced, exchange)) {
            return chain.filter(exchange);
        }
        return attempt(exchange, chain, balanced, 1);
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, URI balanced, int attempt) {
        return chain.filter(exchange).onErrorResume(ConnectFailures::isConnectFailure, failure -> {
            URI chosen = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
            if (chosen != null && !chosen.equals(balanced)) {
                refusing.refused(chosen);
            }
            if (attempt >= maxAttempts) {
                return Mono.error(failure);
            }
            RouteAttempts.resetForAnotherAttempt(exchange, balanced);
            return attempt(exchange, chain, balanced, attempt + 1);
        });
    }

    private static boolean isLoadBalanced(URI url, ServerWebExchange exchange) {
        return "lb".equalsIgnoreCase(url.getScheme())
                || "lb".equals(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_SCHEME_PREFIX_ATTR));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
