package io.hirepipe.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.hirepipe.gateway.routing.DownstreamResponseTimeout;
import io.hirepipe.gateway.routing.DownstreamServices;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "hirepipe.gateway.resilience.enabled", matchIfMissing = true)
    GlobalFilter downstreamResilienceFilter(DownstreamServices services, CircuitBreakerRegistry breakers,
                                            TimeLimiterRegistry timeLimiters, RetryRegistry retries,
                                            DownstreamResponseTimeout responseTimeout) {
        return new DownstreamResilienceFilter(new DownstreamNames(services), breakers, timeLimiters, retries,
                responseTimeout.responseTimeout());
    }
}
