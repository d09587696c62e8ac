package io.hirepipe.defaults.outbox;

import io.hirepipe.defaults.audit.AuditOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
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
                            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(mongo, kafka, properties, meters.getIfAvailable(SimpleMeterRegistry::new),
                Clock.systemUTC());
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
}
