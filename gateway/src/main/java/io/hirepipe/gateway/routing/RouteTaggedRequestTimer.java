package io.hirepipe.gateway.routing;

import io.micrometer.common.KeyValues;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Tags every request's {@code http.server.requests} timer with the route that served it, or {@value #NO_ROUTE}
 * for the gateway's own endpoints, so per-service latency and errors come from the one timer each request
 * already has. Spring Cloud Gateway's own {@code spring.cloud.gateway.requests} timer said the same a second
 * time per proxied request and is off. Route ids are the configured routes, so the tag stays bounded; the
 * {@code uri} tag is Spring's (a proxied path matches no handler pattern, so it never carries an id).
 */
@Component
public class RouteTaggedRequestTimer extends DefaultServerRequestObservationConvention {

    public static final String ROUTE_TAG = "route";
    static final String NO_ROUTE = "none";

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        // The key values are taken again when the observation stops, by which time the route has been chosen.
        Route route = (Route) context.getAttributes().get(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return super.getLowCardinalityKeyValues(context).and(ROUTE_TAG, route == null ? NO_ROUTE : route.getId());
    }
}
