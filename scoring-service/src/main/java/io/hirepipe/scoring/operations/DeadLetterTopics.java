package io.hirepipe.scoring.operations;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.EventPayload;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the dead-letter topics of the topics this service consumes, with a plain consumer in no
 * group (reading moves no offsets), from the beginning to the end as they are when asked.
 *
 * <p>Every service that consumes a topic dead-letters into the same {@code <topic>.DLT}, so only the records
 * this service gave up on are its dead letters: one notification-service could not email (a submission without a
 * candidate address) is no scoring failure, and replaying it here would change nothing for scoring. The error
 * handler names the consumer group that failed in a header; a record without it (written by other tooling) counts
 * as this service's.
 */
@Component
public class DeadLetterTopics {

    /** The topics whose failed records land in this service's dead-letter topics. */
    static final List<String> SOURCES = List.of(Topics.QUESTIONS, Topics.SUBMISSIONS);
    static final int MAX_SCANNED = 10_000;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_LIMIT = Duration.ofSeconds(10);

    private final KafkaProperties kafka;
    private final String consumerGroup;
    private final int maxScanned;

    @Autowired
    public DeadLetterTopics(KafkaProperties kafka) {
        this(kafka, MAX_SCANNED);
    }

    DeadLetterTopics(KafkaProperties kafka, int maxScanned) {
        this.kafka = kafka;
        this.consumerGroup = (String) kafka.buildConsumerProperties().get(ConsumerConfig.GROUP_ID_CONFIG);
        this.maxScanned = maxScanned;
    }

    /**
     * This service's dead letters, at most {@value #MAX_SCANNED} records read: the newest of each partition (an equal
     * share of the budget each), so that when the topics hold more than that, as after an incident, the records an
     * operator is looking for, the latest ones, are the ones read.
     */
    public List<DeadLetter> readAll() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String source : SOURCES) {
                List<PartitionInfo> infos = consumer.partitionsFor(Topics.deadLetterOf(source), Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long share = Math.max(1, maxScanned / partitions.size());
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(begin.get(partition), end.get(partition) - share));
            }
            List<DeadLetter> letters = new ArrayList<>();
            Instant giveUp = Instant.now().plus(READ_LIMIT);
            while (!reachedEnd(consumer, end) && letters.size() < maxScanned && Instant.now().isBefore(giveUp)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (letters.size() >= maxScanned) {
                        break;
                    }
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && failedHere(record)) {
                        letters.add(DeadLetter.of(record));
                    }
                }
            }
            return letters;
        }
    }

    /** The record at {@code id}, if it is one of this service's dead letters. */
    public Optional<DeadLetter> read(DeadLetterId id) {
        if (SOURCES.stream().map(Topics::deadLetterOf).noneMatch(id.topic()::equals)) {
            return Optional.empty();
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(id.topic(), id.partition());
            List<PartitionInfo> infos = consumer.partitionsFor(id.topic(), Duration.ofSeconds(5));
            if (infos == null || infos.stream().noneMatch(info -> info.partition() == id.partition())) {
                return Optional.empty();
            }
            consumer.assign(List.of(partition));
            long endOffset = consumer.endOffsets(List.of(partition)).get(partition);
            if (id.offset() >= endOffset) {
                return Optional.empty();
            }
            consumer.seek(partition, id.offset());
            Instant giveUp = Instant.now().plus(READ_LIMIT);
            while (Instant.now().isBefore(giveUp)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == id.offset()) {
                        return failedHere(record) ? Optional.of(DeadLetter.of(record)) : Optional.empty();
                    }
                    if (record.offset() > id.offset()) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    private boolean failedHere(ConsumerRecord<?, ?> record) {
        String group = DeadLetter.header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        return group == null || consumerGroup == null || group.equals(consumerGroup);
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.keySet().removeIf(key -> key.startsWith("spring.deserializer"));
        return new KafkaConsumer<>(config);
    }

    /**
     * One dead-lettered record.
     *
     * @param envelope the event, or null when the record is not even an event envelope
     * @param error    why it was dead-lettered, from the error handler's headers
     */
    public record DeadLetter(DeadLetterId id, String originalTopic, String key, byte[] value,
                             EventEnvelope<EventPayload> envelope, String error, Instant deadLetteredAt) {

        static DeadLetter of(ConsumerRecord<String, byte[]> record) {
            EventEnvelope<EventPayload> envelope;
            try {
                envelope = record.value() == null ? null : EventJson.fromBytes(record.value());
            } catch (RuntimeException notAnEvent) {
                envelope = null;
            }
            String original = header(record, "kafka_dlt-original-topic");
            return new DeadLetter(new DeadLetterId(record.topic(), record.partition(), record.offset()),
                    original != null ? original
                            : record.topic().substring(0, record.topic().length() - Topics.DEAD_LETTER_SUFFIX.length()),
                    record.key(), record.value(), envelope, header(record, "kafka_dlt-exception-message"),
                    Instant.ofEpochMilli(record.timestamp()));
        }

        private static String header(ConsumerRecord<?, ?> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
