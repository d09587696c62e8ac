package io.hirepipe.gateway.routing;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.stereotype.Component;

/**
 * The span of a proxied call names the service's URL without its query. Spring Cloud Gateway's default puts the
 * whole URI into {@code http.uri}, and a query can carry a candidate's data (a platform finds its candidate by
 * {@code ?externalReference=…}), which a tracing backend then keeps past the retention and erasure that data has.
 * Paths hold ids only. The access log leaves the query out too, and each service's own span names the path only.
 */
@Component
public class QuerylessProxySpans extends DefaultGatewayObservationConvention {

    private static final String URI_KEY = "http.uri";

    @Override
    public KeyValues getHighCardinalityKeyValues(GatewayContext context) {
        String uri = context.getRequest().getURI().toString();
        int query = uri.indexOf('?');
        return KeyValues.of(KeyValue.of(URI_KEY, query < 0 ? uri : uri.substring(0, query)));
    }
}
