package io.hirepipe.defaults.kafka;

import io.hirepipe.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Dead-letters as {@link DeadLetterPublishingRecoverer} does and counts each record by the topic it
 * came from ({@code hirepipe.kafka.dead.lettered}). Every contract topic is registered at zero at
 * start-up, so an alert on growth sees a series before the first failure.
 */
class CountingDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    private final Map<String, Counter> byTopic = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    CountingDeadLetterRecoverer(KafkaOperations<?, ?> template,
                                BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination,
                                MeterRegistry meters) {
        super(template, destination);
        this.meters = meters;
        Topics.ALL.forEach(topic -> byTopic.put(topic, counter(topic)));
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        super.accept(record, consumer, exception);
        byTopic.computeIfAbsent(record.topic(), this::counter).increment();
    }

    private Counter counter(String topic) {
        return Counter.builder("hirepipe.kafka.dead.lettered")
                .description("Records this service gave up on and published to the topic's dead-letter twin")
                .tag("topic", topic).register(meters);
    }
}
