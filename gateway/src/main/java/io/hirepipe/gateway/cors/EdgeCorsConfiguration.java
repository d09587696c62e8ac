package io.hirepipe.gateway.cors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
class EdgeCorsConfiguration {

    @Bean
    CorsWebFilter corsWebFilter(CorsProperties properties) {
        return new CorsWebFilter(properties);
    }
}
