package io.hirepipe.scoring;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.defaults.kafka.EventEnvelopeDeserializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/** Publishes envelopes like the other services do, and reads topics like a downstream consumer would. */
public final class KafkaTestSupport implements AutoCloseable {

    private final KafkaTemplate<Object, Object> kafka;
    private final String bootstrapServers;
    private final Admin admin;
    private final Map<String, KafkaConsumer<String, EventEnvelope<EventPayload>>> readers = new HashMap<>();
    private final Map<String, List<ConsumerRecord<String, EventEnvelope<EventPayload>>>> seen = new HashMap<>();

    public KafkaTestSupport(KafkaTemplate<Object, Object> kafka, String bootstrapServers) {
        this.kafka = kafka;
        this.bootstrapServers = bootstrapServers;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(properties);
    }

    public RecordMetadata publish(EventEnvelope<?> envelope) {
        try {
            return kafka.send(new ProducerRecord<>(envelope.topic(), envelope.key(), envelope))
                    .get(10, TimeUnit.SECONDS).getRecordMetadata();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + envelope.type(), e);
        }
    }

    /** Sends bytes as they are, e.g. an event type this build does not know. */
    public RecordMetadata publishRaw(String topic, String key, String json) {
        try {
            return kafka.send(new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS).getRecordMetadata();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** Waits until a record matching {@code condition} is on {@code topic} and returns every match seen so far. */
    public List<ConsumerRecord<String, EventEnvelope<EventPayload>>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, EventEnvelope<EventPayload>>> condition) {
        List<ConsumerRecord<String, EventEnvelope<EventPayload>>> matches = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> {
            poll(topic);
            matches.clear();
            seen.get(topic).stream().filter(condition).forEach(matches::add);
            return !matches.isEmpty();
        });
        return matches;
    }

    /** Everything on {@code topic} up to its current end matching {@code condition}. */
    public List<ConsumerRecord<String, EventEnvelope<EventPayload>>> readToEnd(String topic,
            Predicate<ConsumerRecord<String, EventEnvelope<EventPayload>>> condition) {
        KafkaConsumer<String, EventEnvelope<EventPayload>> reader = reader(topic);
        Map<TopicPartition, Long> end = reader.endOffsets(reader.assignment());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll(topic);
            return end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
        });
        return seen.get(topic).stream().filter(condition).toList();
    }

    /** Waits until {@code groupId} has committed past the given record: the service has finished with it. */
    public void awaitConsumed(String groupId, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition);
            return committed != null && committed.offset() > record.offset();
        });
    }

    private void poll(String topic) {
        KafkaConsumer<String, EventEnvelope<EventPayload>> reader = reader(topic);
        reader.poll(Duration.ofMillis(200)).forEach(seen.get(topic)::add);
    }

    private KafkaConsumer<String, EventEnvelope<EventPayload>> reader(String topic) {
        return readers.computeIfAbsent(topic, t -> {
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            KafkaConsumer<String, EventEnvelope<EventPayload>> consumer = new KafkaConsumer<>(properties,
                    new StringDeserializer(), new EventEnvelopeDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(t).stream()
                    .map(info -> new TopicPartition(t, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            seen.put(t, new ArrayList<>());
            return consumer;
        });
    }

    @Override
    public void close() {
        readers.values().forEach(KafkaConsumer::close);
        admin.close();
    }
}
