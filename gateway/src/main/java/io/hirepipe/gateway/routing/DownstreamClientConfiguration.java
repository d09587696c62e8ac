package io.hirepipe.gateway.routing;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DownstreamClientConfiguration {

    @Bean
    HttpClientCustomizer downstreamResponseTimeout(DownstreamResponseTimeout timeout) {
        return client -> client.responseTimeout(timeout.responseTimeout());
    }
}
