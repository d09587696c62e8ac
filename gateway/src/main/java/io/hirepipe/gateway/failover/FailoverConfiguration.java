package io.hirepipe.gateway.failover;

import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = FailoverLoadBalancerConfiguration.class)
class FailoverConfiguration {

    @Bean
    RefusingInstances refusingInstances(FailoverProperties properties) {
        return new RefusingInstances(properties.outOfRotationFor());
    }

    @Bean
    GlobalFilter instanceFailoverFilter(RefusingInstances refusing, FailoverProperties properties) {
        return new InstanceFailoverFilter(refusing, properties.maxAttempts());
    }
}
