package io.hirepipe.gateway.failover;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The load balancer of every {@code lb://} service: the configured instances (static lists in the local
 * stack), cached, less those out of rotation. Not a {@code @Configuration}: Spring Cloud LoadBalancer
 * applies it in each service's own child context (see {@link FailoverConfiguration}).
 */
class FailoverLoadBalancerConfiguration {

    @Bean
    ServiceInstanceListSupplier instancesAvoidingRefusals(ConfigurableApplicationContext context,
                                                          RefusingInstances refusing) {
        return ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                .withCaching()
                .with((ignored, delegate) -> new AvoidRefusingInstances(delegate, refusing))
                .build(context);
    }
}
