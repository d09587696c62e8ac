package io.hirepipe.gateway.routing;

import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.gateway.security.CallerAuthentication;
import io.hirepipe.gateway.security.ReusedInternalTokens;
import io.hirepipe.gateway.web.CorrelationIdWebFilter;
import io.hirepipe.gateway.web.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * For every proxied request: removes whatever identity the client sent (its token, API key,
 * cookies, identity headers) and substitutes the internal token naming the caller the gateway
 * verified; the request's correlation id goes along too. Services trust only that token: RS256, signed with a key only the gateway holds, for the
 * one service the route leads to, valid for a minute (and reused while half of that remains).
 */
@Component
public class InternalTokenRelayFilter implements GlobalFilter, Ordered {

    private final ReusedInternalTokens internalTokens;

    public InternalTokenRelayFilter(ReusedInternalTokens internalTokens) {
        this.internalTokens = internalTokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .ofType(CallerAuthentication.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller -> caller.isPresent()
                        ? chain.filter(withInternalToken(exchange, caller.get()))
                        // Security guards every route; arriving here without a caller is a configuration bug.
                        : Problems.write(exchange, Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                                "Unauthenticated", "Authentication is required.", exchange)));
    }

    private ServerWebExchange withInternalToken(ServerWebExchange exchange, CallerAuthentication authentication) {
        Caller caller = authentication.getPrincipal();
        // Route ids name the services, so a token meant for one service is refused by every other.
        Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String token = internalTokens.tokenFor(caller, route.getId(), authentication.scopes());
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> {
                    IdentityHeaders.strip(headers);
                    headers.setBearerAuth(token);
                    // The id the gateway logs under (the client's, when harmless, else a fresh one).
                    headers.set(CorrelationId.HEADER, CorrelationIdWebFilter.of(exchange));
                })
                .build();
        return exchange.mutate().request(request).build();
    }

    @Override
    public int getOrder() {
        // Early among the route filters, long before NettyRoutingFilter sends the request.
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
