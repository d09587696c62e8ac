package io.hirepipe.gateway.routing;

import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.gateway.web.CorrelationIdWebFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a proxied request reaches its service with: the client's, without any through which it could
 * claim an identity ({@link IdentityHeaders}), plus the internal token {@link InternalTokenRelayFilter}
 * chose and the id the gateway logs the request under (the client's, when harmless, else a fresh one).
 *
 * <p>The routing filter builds the headers it sends by passing the request's through every such filter; doing
 * the exchange here, in that copy, spares every proxied request a mutated copy of its request and exchange.
 * Runs last, after the gateway's own header filters (forwarded headers, hop-by-hop), so nothing added after
 * it can carry an identity. A retried or failed-over attempt passes through it again.
 */
@Component
class ServiceRequestHeaders implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = IdentityHeaders.withoutIdentity(input);
        String token = exchange.getAttribute(InternalTokenRelayFilter.INTERNAL_TOKEN);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.set(CorrelationId.HEADER, CorrelationIdWebFilter.of(exchange));
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
