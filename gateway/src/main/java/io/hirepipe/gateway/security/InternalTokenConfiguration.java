package io.hirepipe.gateway.security;

import io.hirepipe.defaults.security.InternalTokenIssuer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class InternalTokenConfiguration {

    @Bean
    InternalTokenIssuer internalTokenIssuer(InternalTokenSigningProperties properties, Clock clock) {
        if (properties.signingKeys() == null || properties.signingKeys().isBlank()) {
            throw new IllegalStateException("hirepipe.gateway.internal-token.signing-keys must hold the gateway's "
                    + "RSA signing keys as a JWK set (environment variable HIREPIPE_GATEWAY_INTERNAL_SIGNING_KEYS)");
        }
        return new InternalTokenIssuer(InternalTokenIssuer.parseKeys(properties.signingKeys()), properties.issuer(),
                properties.ttl(), clock);
    }

    @Bean
    ReusedInternalTokens reusedInternalTokens(InternalTokenIssuer issuer, InternalTokenSigningProperties properties,
                                              Clock clock) {
        return new ReusedInternalTokens(issuer, properties.ttl(), properties.reuseCacheSize(), clock);
    }
}
