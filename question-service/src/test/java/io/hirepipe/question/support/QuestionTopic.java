package io.hirepipe.question.support;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.defaults.kafka.EventEnvelopeDeserializer;
import io.hirepipe.testkit.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Reads {@value Topics#QUESTIONS} from the beginning with a plain consumer and the service's own
 * wire-format deserializer, as scoring-service would.
 */
public final class QuestionTopic implements AutoCloseable {

    private final KafkaConsumer<String, EventEnvelope<EventPayload>> consumer;
    private final List<ConsumerRecord<String, EventEnvelope<EventPayload>>> seen = new ArrayList<>();

    public QuestionTopic() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new EventEnvelopeDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.QUESTIONS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits until a record about {@code questionId} satisfies {@code condition}; returns it. */
    public ConsumerRecord<String, EventEnvelope<EventPayload>> awaitRecord(String questionId,
                                                                          Predicate<EventPayload> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                    return recordsFor(questionId).stream().filter(r -> condition.test(r.value().payload()))
                            .findFirst().orElse(null);
                },
                found -> found != null);
    }

    /** Every record about {@code questionId} read so far, in partition order (they share one key). */
    public List<ConsumerRecord<String, EventEnvelope<EventPayload>>> recordsFor(String questionId) {
        return seen.stream().filter(r -> questionId.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
