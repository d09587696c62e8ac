package io.hirepipe.gateway.web;

import io.hirepipe.defaults.correlation.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Adopts the client's correlation id (when it is harmless) or mints one, echoes it on the response and
 * writes one access-log line under it. Runs before everything else, security included, so even a 401
 * carries the id. The id is kept as an exchange attribute ({@link #of}); a proxied request carries it to
 * the service in its headers, set where those headers are rewritten anyway ({@code InternalTokenRelayFilter}),
 * so the request's headers are not copied once more here.
 */
@Component
public class CorrelationIdWebFilter implements WebFilter, Ordered {

    /** Exchange attribute holding the request's correlation id. */
    public static final String ATTRIBUTE = CorrelationIdWebFilter.class.getName() + ".id";

    private static final Logger accessLog = LoggerFactory.getLogger("io.hirepipe.gateway.access");

    /** The id of this exchange; present once the filter has run. */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : CorrelationId.sanitize(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = CorrelationId.sanitize(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(CorrelationId.HEADER, id);
        // A proxied response arrives with the service's echo of the same id, and the routing filter adds
        // the service's headers to ours: set it once more as the response commits, so it comes back once.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(CorrelationId.HEADER, id);
            return Mono.empty();
        });
        long started = System.nanoTime();
        return chain.filter(exchange)
                .contextWrite(context -> context.put(CorrelationId.MDC_KEY, id))
                .doFinally(signal -> logAccess(exchange, id, started, signal));
    }

    private static void logAccess(ServerWebExchange exchange, String id, long started, SignalType signal) {
        if (!accessLog.isInfoEnabled()) {
            return;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        try (CorrelationId.Scope ignored = CorrelationId.open(id)) {
            accessLog.info("{} {} -> {} in {} ms{}{}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(),
                    status == null ? "-" : status.value(), millis,
                    route == null ? "" : " via " + route.getId(),
                    signal == SignalType.CANCEL ? " (client went away)" : "");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
