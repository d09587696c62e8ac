package io.hirepipe.defaults.outbox;

import io.hirepipe.defaults.audit.AuditOutbox;
import io.hirepipe.defaults.clock.DatabaseClockAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.time.Duration;

@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({MongoTemplate.class, KafkaTemplate.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnBean({MongoTemplate.class, KafkaTemplate.class})
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<Object, Object> kafka, OutboxProperties properties,
                            ObjectProvider<MeterRegistry> meters, OutboxWrites writes,
                            @Qualifier(DatabaseClockAutoConfiguration.BEAN) Clock leaseClock) {
        OutboxRelay relay = new OutboxRelay(mongo, kafka, properties, meters.getIfAvailable(SimpleMeterRegistry::new),
                leaseClock);
        writes.hintTo(relay::publishSoon);
        return relay;
    }

    /** Sees the writes that carry events on the driver, whoever makes them, and hints the relay. */
    @Bean
    OutboxWrites outboxWrites(OutboxProperties properties) {
        return new OutboxWrites(properties);
    }

    @Bean
    MongoClientSettingsBuilderCustomizer outboxWritesListener(OutboxWrites writes) {
        return settings -> settings.addCommandListener(writes);
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    AuditOutbox auditOutbox(MongoTemplate mongo) {
        return new AuditOutbox(mongo);
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    OutboxBacklog outboxBacklog(MongoTemplate mongo, OutboxProperties properties) {
        return new OutboxBacklog(mongo, properties.collections(), Clock.systemUTC(), Duration.ofSeconds(5));
    }

    /** Where a service's operators see and re-queue what its relay parked: in a web service that names its path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnProperty("hirepipe.operations.name")
    @ConditionalOnBean({MongoTemplate.class, KafkaTemplate.class})
    static class ParkedEventsOperations {

        @Bean
        ParkedEventsController parkedEventsController(MongoTemplate mongo) {
            return new ParkedEventsController(new ParkedEvents(mongo));
        }
    }
}
