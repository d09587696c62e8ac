package io.hirepipe.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    ClientLimiters clientLimiters(RateLimitProperties properties, MeterRegistry meters) {
        return new ClientLimiters(properties, meters);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "hirepipe.gateway.rate-limits.enabled", matchIfMissing = true)
    WebFilter rateLimitWebFilter(RateLimitProperties properties, ClientLimiters limiters) {
        return new RateLimitWebFilter(new RateLimitGroups(properties), limiters);
    }

    @Bean
    InvitationTokenLimit invitationTokenLimit(RateLimitProperties properties, ClientLimiters limiters) {
        return new InvitationTokenLimit(properties, limiters);
    }
}
