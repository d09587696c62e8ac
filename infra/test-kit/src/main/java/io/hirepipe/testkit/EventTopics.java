package io.hirepipe.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Hirepipe's Kafka topics as the other services see them, with plain Kafka clients: publishes events in the
 * contracts' wire format ({@link EventJson}), as an upstream service's outbox would, and reads topics from the
 * beginning, as a downstream consumer would.
 *
 * <pre>{@code
 * RecordMetadata sent = EventTopics.shared().publish(EventEnvelope.of(submitted, tenant, correlationId));
 * EventTopics.shared().awaitConsumed("scoring-service", sent);
 * List<EventRecord> scored = EventTopics.shared()
 *         .awaitRecords(Topics.RESULTS, r -> r.payload() instanceof AssessmentScored s && s.sessionId().equals(id));
 * }</pre>
 *
 * <p>A topic is read by a consumer of its own that belongs to no consumer group, so reading never moves a
 * service's offsets, and everything read is kept: each call filters all the records read so far. Topics must
 * exist (services declare theirs when their context starts); the reader waits for them rather than letting a
 * metadata request create them with broker defaults.
 *
 * <p>Safe to share between threads: calls are serialised, and each waits in the calling thread.
 */
public final class EventTopics implements AutoCloseable {

    /** How long a call waits for records, offsets or a topic, unless the constructor says otherwise. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(45);

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final Lazy<EventTopics> SHARED = Lazy.of(() -> JvmShutdown.closeOnExit("event topics client",
            new EventTopics(TestInfrastructure.kafka().bootstrapServers())));

    private final String bootstrapServers;
    private final Duration wait;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final Map<String, TopicReader> readers = new HashMap<>();

    public EventTopics(String bootstrapServers) {
        this(bootstrapServers, DEFAULT_WAIT);
    }

    /** @param wait how long each call waits before it fails */
    public EventTopics(String bootstrapServers, Duration wait) {
        this.bootstrapServers = bootstrapServers;
        this.wait = wait;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis()),
                new StringSerializer(), new ByteArraySerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * One instance for the whole test JVM, on {@link TestInfrastructure#kafka()} (starting it if needed), closed
     * when the JVM exits. Test classes can share it because every call filters what it reads, and topics are
     * then read from the beginning only once per JVM.
     */
    public static EventTopics shared() {
        return SHARED.get();
    }

    /** Sends the envelope to its topic with its key, in the wire format, and waits for the broker to have it. */
    public RecordMetadata publish(EventEnvelope<?> envelope) {
        return send(new ProducerRecord<>(envelope.topic(), envelope.key(), EventJson.toBytes(envelope)),
                envelope.type() + " " + envelope.eventId());
    }

    /** Sends {@code json} as it is: an event type this build does not know, or bytes that are no event at all. */
    public RecordMetadata publishRaw(String topic, String key, String json) {
        return send(new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8)), "raw JSON");
    }

    /**
     * Waits until a record on {@code topic} matches {@code condition}, then returns every match read so far,
     * in the order read (which is the partition order of records sharing a key).
     */
    public synchronized List<EventRecord> awaitRecords(String topic, Predicate<? super EventRecord> condition) {
        TopicReader reader = reader(topic);
        return waiting("a record on " + topic + " matching the condition").until(() -> {
            reader.poll();
            return reader.matching(condition);
        }, matches -> !matches.isEmpty());
    }

    /**
     * Reads {@code topic} up to the end it has now and returns every record read that matches {@code condition}.
     * For asserting that something did <em>not</em> happen, after {@link #awaitConsumed} made sure it had its chance.
     */
    public synchronized List<EventRecord> readToEnd(String topic, Predicate<? super EventRecord> condition) {
        TopicReader reader = reader(topic);
        Map<TopicPartition, Long> end = reader.consumer.endOffsets(reader.consumer.assignment());
        waiting("the end of " + topic + " " + end).until(() -> {
            reader.poll();
            return end.entrySet().stream().allMatch(e -> reader.consumer.position(e.getKey()) >= e.getValue());
        });
        return reader.matching(condition);
    }

    /** Waits until consumer group {@code groupId} has committed past {@code record}: the service is done with it. */
    public void awaitConsumed(String groupId, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        waiting(groupId + " to commit past " + partition + "@" + record.offset()).until(() -> {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(partition);
            return committed != null && committed.offset() > record.offset();
        });
    }

    @Override
    public synchronized void close() {
        readers.values().forEach(reader -> reader.consumer.close(CLOSE_TIMEOUT));
        readers.clear();
        producer.close(CLOSE_TIMEOUT);
        admin.close(CLOSE_TIMEOUT);
    }

    private RecordMetadata send(ProducerRecord<String, byte[]> record, String what) {
        Future<RecordMetadata> sent = producer.send(record);
        try {
            return sent.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing " + what + " to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish " + what + " to " + record.topic(), e);
        }
    }

    /** Conditions run in the calling thread: a Kafka consumer must not be used by two threads at once. */
    private ConditionFactory waiting(String alias) {
        return Awaitility.await(alias).atMost(wait).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50));
    }

    private TopicReader reader(String topic) {
        TopicReader reader = readers.get(topic);
        if (reader == null) {
            reader = new TopicReader(topic);
            readers.put(topic, reader);
        }
        return reader;
    }

    /** A consumer assigned every partition of one topic from the beginning, and what it has read. */
    private final class TopicReader {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<EventRecord> read = new ArrayList<>();

        TopicReader(String topic) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                    new StringDeserializer(), new ByteArrayDeserializer());
            try {
                List<TopicPartition> partitions = waiting("topic " + topic + " to exist")
                        .until(() -> consumer.partitionsFor(topic), found -> !found.isEmpty()).stream()
                        .map(PartitionInfo::partition)
                        .map(partition -> new TopicPartition(topic, partition))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
            } catch (RuntimeException e) {
                consumer.close(CLOSE_TIMEOUT);
                throw e;
            }
        }

        void poll() {
            consumer.poll(POLL).forEach(record -> read.add(EventRecord.of(record)));
        }

        List<EventRecord> matching(Predicate<? super EventRecord> condition) {
            return read.stream().filter(condition).toList();
        }
    }
}
