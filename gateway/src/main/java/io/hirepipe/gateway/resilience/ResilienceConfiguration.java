package io.hirepipe.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.hirepipe.gateway.routing.DownstreamServices;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "hirepipe.gateway.resilience.enabled", matchIfMissing = true)
    GlobalFilter downstreamResilienceFilter(DownstreamServices services, CircuitBreakerRegistry breakers,
                                            TimeLimiterRegistry timeLimiters, RetryRegistry retries,
                                            HttpClientProperties httpClient) {
        return new DownstreamResilienceFilter(new DownstreamNames(services), breakers, timeLimiters, retries,
                httpClient.getResponseTimeout());
    }
}
