package io.hirepipe.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.hirepipe.embedded.QuietInfraLogging;
import io.hirepipe.embedded.SmtpSink;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the requested infrastructure and points the application context at it. A record, so two test classes
 * asking for the same infrastructure in the same mode are equal and share a cached application context.
 *
 * @param infra what the test class asked for
 * @param mode  {@link InfrastructureMode#CONTAINERS} or {@link InfrastructureMode#EMBEDDED}, already resolved
 */
record InfrastructureContextCustomizer(Set<Infra> infra, InfrastructureMode mode) implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "hirepipeTestInfrastructure";
    static final String INTERNAL_TOKEN_SECRET_PROPERTY = "hirepipe.security.internal-token.secret";
    static final String INTERNAL_TOKEN_JWKS_PROPERTY = "hirepipe.security.internal-token.jwk-set-uri";

    InfrastructureContextCustomizer {
        infra = Set.copyOf(infra);
        if (mode == InfrastructureMode.AUTO) {
            throw new IllegalArgumentException("mode must be resolved before it becomes part of the context cache key");
        }
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties()));
        if (mode == InfrastructureMode.EMBEDDED) {
            // Spring Boot has just re-initialised Logback, undoing what the embedded broker set at start-up
            QuietInfraLogging.apply();
        }
    }

    /** Called once per application context, so each context gets a database of its own. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(INTERNAL_TOKEN_SECRET_PROPERTY, TestInfrastructure.INTERNAL_TOKEN_SECRET);
        properties.put(INTERNAL_TOKEN_JWKS_PROPERTY, TestGatewayKeys.jwkSetUri());
        if (infra.contains(Infra.KAFKA)) {
            properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka(mode).bootstrapServers());
        }
        if (infra.contains(Infra.MONGO)) {
            properties.put("spring.mongodb.uri", TestInfrastructure.mongo(mode).connectionString());
            properties.put("spring.mongodb.database", DatabaseNames.next());
        }
        if (infra.contains(Infra.REDIS)) {
            RedisEndpoint redis = TestInfrastructure.redis(mode);
            properties.put("spring.data.redis.host", redis.host());
            properties.put("spring.data.redis.port", redis.port());
        }
        if (infra.contains(Infra.SMTP)) {
            SmtpSink smtp = TestInfrastructure.smtp();
            properties.put("spring.mail.host", smtp.host());
            properties.put("spring.mail.port", smtp.port());
        }
        return properties;
    }
}
