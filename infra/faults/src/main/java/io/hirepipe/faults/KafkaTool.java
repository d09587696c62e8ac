package io.hirepipe.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The harness as a Kafka client: poison records, redelivered events, and a look at dead-letter topics. */
final class KafkaTool {

    static final List<String> TOPICS = List.of("hirepipe.questions.v1", "hirepipe.invitations.v1",
            "hirepipe.submissions.v1", "hirepipe.results.v1");

    private final String bootstrap;

    KafkaTool(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** One record that is not even JSON on every partition of {@code topic}; returns how many were written. */
    int poison(String topic, String marker) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            List<PartitionInfo> partitions = producer.partitionsFor(topic);
            for (PartitionInfo partition : partitions) {
                producer.send(new ProducerRecord<>(topic, partition.partition(), bytes("poison-" + partition.partition()),
                        bytes(marker + " {not an event"))).get(30, TimeUnit.SECONDS);
            }
            return partitions.size();
        } catch (Exception e) {
            throw new IllegalStateException("could not write poison to " + topic, e);
        }
    }

    /** How many records of {@code topic}.DLT carry {@code marker} in their value. */
    int deadLettersWith(String topic, String marker) {
        return deadLetters(topic, marker).size();
    }

    /**
     * A record parked on a dead-letter topic, with the headers the consumer's error handler wrote: where it
     * came from ({@code kafka_dlt-original-topic}, {@code -partition}, {@code -offset}) and why
     * ({@code kafka_dlt-exception-message}). What an operator sees with Kafka tooling, e.g.
     * {@code kcat -C -t hirepipe.results.v1.DLT -f '%h %s\n'}.
     */
    record DeadLetter(String topic, int partition, long offset, byte[] key, byte[] value, Map<String, String> headers) {

        String originalTopic() {
            return headers.get("kafka_dlt-original-topic");
        }

        String error() {
            return headers.getOrDefault("kafka_dlt-exception-message", headers.get("kafka_dlt-exception-fqcn"));
        }
    }

    /** The records of {@code topic}.DLT that carry {@code marker} in their value. */
    List<DeadLetter> deadLetters(String topic, String marker) {
        List<DeadLetter> found = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(topic + ".DLT", Duration.ofSeconds(5))) {
            if (record.value() != null && new String(record.value(), StandardCharsets.UTF_8).contains(marker)) {
                Map<String, String> headers = new java.util.HashMap<>();
                record.headers().forEach(h -> headers.put(h.key(), h.value() == null ? "" : text(h.key(), h.value())));
                found.add(new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                        headers));
            }
        }
        return found;
    }

    /**
     * The operator's replay with Kafka tooling: the parked record written again, key and value unchanged, to
     * the topic it came from ({@code kcat -C -t T.DLT -o OFFSET -p P -c 1 | kcat -P -t T} does the same).
     */
    void replay(DeadLetter letter) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(letter.originalTopic(), letter.key(), letter.value())).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not replay " + letter.topic() + ":" + letter.offset(), e);
        }
    }

    /** Spring Kafka writes the original partition and offset as binary numbers; the rest is text. */
    private static String text(String header, byte[] value) {
        if (header.endsWith("-partition") && value.length == 4) {
            return Integer.toString(java.nio.ByteBuffer.wrap(value).getInt());
        }
        if ((header.endsWith("-offset") || header.endsWith("-timestamp")) && value.length == 8) {
            return Long.toString(java.nio.ByteBuffer.wrap(value).getLong());
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Writes every record of {@code topic} keyed by one of {@code keys} again, unchanged: a redelivery. */
    int redeliver(String topic, Set<String> keys) {
        List<ConsumerRecord<byte[], byte[]>> records = readAll(topic, Duration.ofSeconds(10));
        int sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.key() != null && keys.contains(new String(record.key(), StandardCharsets.UTF_8))) {
                    producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers()));
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    /**
     * Waits until consumer group {@code group} has committed offsets up to the end of every partition of
     * {@code topic} as it is now: everything written so far was consumed (the way to wait for a negative).
     */
    boolean awaitConsumed(String topic, String group, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new java.util.HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> end.put(tp, info.offset()));
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                boolean caughtUp = end.entrySet().stream().allMatch(e -> e.getValue() == 0 || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue()));
                if (caughtUp) {
                    return true;
                }
                StackUnderTest.sleep(Duration.ofMillis(500));
            }
            return false;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not read the offsets of " + group + " on " + topic, e);
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic, Duration quiet) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024))) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            Instant giveUp = Instant.now().plus(quiet).plusSeconds(20);
            while (Instant.now().isBefore(giveUp) && !reached(consumer, end)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
