package io.hirepipe.defaults.kafka;

import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumer failure policy and topic declarations shared by every service. Producer and
 * deserializer settings live in {@code hirepipe-service-defaults.yml}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(KafkaDefaultsProperties.class)
public class KafkaDefaultsAutoConfiguration {

    /**
     * Retries a failing record with exponential back-off, then publishes it to
     * {@code <topic>.DLT} (same partition) with the failure in headers, and moves on: a poison
     * record never blocks its partition. Records that cannot be read are dead-lettered at once.
     */
    @Bean
    @ConditionalOnBean(KafkaTemplate.class)
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, KafkaDefaultsProperties properties,
                                          ObjectProvider<MeterRegistry> meters) {
        KafkaDefaultsProperties.Retry retry = properties.retry();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        // Named explicitly: spring-kafka 4 defaults to "<topic>-dlt", our contract is "<topic>.DLT".
        DeadLetterPublishingRecoverer recoverer = new CountingDeadLetterRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()),
                meters.getIfAvailable(SimpleMeterRegistry::new));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(EventJson.MalformedEventException.class, NonRetryableEventException.class);
        return handler;
    }

    @Bean
    @ConditionalOnBean(KafkaTemplate.class)
    @ConditionalOnMissingBean(RecordInterceptor.class)
    CorrelationIdRecordInterceptor correlationIdRecordInterceptor() {
        return new CorrelationIdRecordInterceptor();
    }

    /** The largest record a topic takes; a DLT record adds only headers to its original. */
    static final int MAX_RECORD_BYTES = 4 * 1024 * 1024 + 64 * 1024;

    /** Every topic of the contracts and its dead-letter twin; creating an existing topic is a no-op. */
    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    KafkaAdmin.NewTopics hirepipeTopics(KafkaDefaultsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : Topics.ALL) {
            topics.add(topic(name, properties, Topics.isRetainedForever(name)));
            topics.add(topic(Topics.deadLetterOf(name), properties, false));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, KafkaDefaultsProperties properties, boolean retainedForever) {
        TopicBuilder builder = TopicBuilder.name(name)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicationFactor())
                // Matches the producers' max.request.size (hirepipe-service-defaults.yml): a whole submission is one record.
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_RECORD_BYTES));
        if (retainedForever) {
            builder.config(TopicConfig.RETENTION_MS_CONFIG, "-1");
        } else {
            // Bounded below every tenant's retention (see Topics.BOUNDED_RETENTION): events that carry
            // names and answer texts expire on their own, dead letters included.
            builder.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.topics().retention().toMillis()))
                    .config(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Topics.SEGMENT_ROLL.toMillis()));
        }
        // A topic whose records are copied into a store (the audit log) keeps them for a bounded time only.
        Topics.boundedRetention(name).ifPresent(retention ->
                builder.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())));
        return builder.build();
    }
}
