package io.hirepipe.gateway.routing;

import io.hirepipe.gateway.failover.ServiceCallFailover;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import java.net.URI;
import java.util.Locale;

/**
 * The gateway's own calls to a service (invitation redeem, API docs) go where its routes go. A route to
 * {@code lb://assessment-service} is resolved by the gateway's load-balancer filter, over the instances
 * listed for that name ({@code spring.cloud.discovery.client.simple.instances.*}); a WebClient needs the
 * same load balancer as an exchange filter and an {@code http://assessment-service} address. Plain
 * {@code http://host:port} addresses are called directly, as before.
 */
@Component
public class ServiceCalls {

    private static final String LOAD_BALANCED = "lb";

    private final ObjectProvider<LoadBalancedExchangeFilterFunction> loadBalancer;
    private final ServiceCallFailover failover;

    public ServiceCalls(ObjectProvider<LoadBalancedExchangeFilterFunction> loadBalancer, ServiceCallFailover failover) {
        this.loadBalancer = loadBalancer;
        this.failover = failover;
    }

    /** A WebClient builder that reaches {@code target}, load-balanced when it is an {@code lb://} address. */
    public WebClient.Builder builderFor(URI target) {
        WebClient.Builder builder = WebClient.builder();
        if (isLoadBalanced(target)) {
            // Outermost first: a refused connection is tried again, the load balancer chooses again, and the
            // instance that refused is noted so it is not chosen for a while.
            builder.filter(failover.retry()).filter(loadBalancer.getObject()).filter(failover.noteRefusals());
        }
        return builder;
    }

    /** {@code lb://name/path} as {@code http://name/path}, which the load-balancing filter resolves; others unchanged. */
    public static URI resolvable(URI uri) {
        if (!isLoadBalanced(uri)) {
            return uri;
        }
        return URI.create("http" + uri.toString().substring(LOAD_BALANCED.length()));
    }

    public static boolean isLoadBalanced(URI uri) {
        return uri != null && uri.getScheme() != null
                && LOAD_BALANCED.equals(uri.getScheme().toLowerCase(Locale.ROOT));
    }
}
