package io.hirepipe.gateway.routing;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

import java.net.URI;
import java.util.Collections;
import java.util.Set;

/** What sending a proxied request again needs: the exchange as it was before the failed attempt. */
public final class RouteAttempts {

    private RouteAttempts() {
    }

    /**
     * Removes the response headers the failed attempt copied, marks the exchange as not yet routed and, when
     * {@code target} is given, restores the request URL the route filters chose (an {@code lb://} URL is
     * resolved to an instance again).
     */
    public static void resetForAnotherAttempt(ServerWebExchange exchange, URI target) {
        Set<String> copied = exchange.getAttributeOrDefault(
                ServerWebExchangeUtils.CLIENT_RESPONSE_HEADER_NAMES, Collections.emptySet());
        copied.forEach(header -> exchange.getResponse().getHeaders().remove(header));
        ServerWebExchangeUtils.removeAlreadyRouted(exchange);
        if (target != null) {
            exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, target);
        }
    }
}
