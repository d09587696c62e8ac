package io.hirepipe.gateway.routing;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.gateway.security.CallerAuthentication;
import io.hirepipe.gateway.security.ReusedInternalTokens;
import io.hirepipe.gateway.web.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * For every proxied request: the internal token naming the caller the gateway verified, which
 * {@link ServiceRequestHeaders} puts in place of whatever identity the client sent (its token, API key,
 * cookies, identity headers); the request's correlation id goes along too. Services trust only that token:
 * RS256, signed with a key only the gateway holds, for the one service the route leads to, valid for a
 * minute (and reused while half of that remains).
 */
@Component
public class InternalTokenRelayFilter implements GlobalFilter, Ordered {

    /** Exchange attribute holding the internal token the proxied request carries. */
    static final String INTERNAL_TOKEN = InternalTokenRelayFilter.class.getName() + ".token";

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
                        ? relayed(exchange, chain, caller.get())
                        // Security guards every route; arriving here without a caller is a configuration bug.
                        : Problems.write(exchange, Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                                "Unauthenticated", "Authentication is required.", exchange)));
    }

    private Mono<Void> relayed(ServerWebExchange exchange, GatewayFilterChain chain,
                               CallerAuthentication authentication) {
        Caller caller = authentication.getPrincipal();
        // Route ids name the services, so a token meant for one service is refused by every other.
        Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String token = internalTokens.tokenFor(caller, route.getId(), authentication.scopes());
        // The request itself is left as it is: its headers are rewritten in the copy the routing filter sends
        // (ServiceRequestHeaders), not copied once more into a mutated request here.
        exchange.getAttributes().put(INTERNAL_TOKEN, token);
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // Early among the route filters, long before NettyRoutingFilter sends the request.
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
