package io.hirepipe.assessment.support;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.testkit.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What is really on the Kafka topics, read as another service would: every partition of every
 * Hirepipe topic from the beginning, in a background thread. Also publishes, as scoring-service would.
 */
public final class KafkaEvents {

    public record Received(String topic, String key, EventEnvelope<EventPayload> envelope) {
    }

    private static volatile KafkaEvents instance;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final KafkaProducer<String, byte[]> producer;

    private KafkaEvents() {
        String servers = TestInfrastructure.kafka().bootstrapServers();
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = Topics.ALL.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Thread reader = new Thread(() -> {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(new Received(record.topic(), record.key(), EventJson.fromBytes(record.value())));
                }
            }
        }, "test-kafka-events");
        reader.setDaemon(true);
        reader.start();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** Started once per JVM, after an application context created the topics. */
    public static synchronized KafkaEvents get() {
        if (instance == null) {
            instance = new KafkaEvents();
        }
        return instance;
    }

    public List<Received> matching(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    /** Events of one type whose record key is {@code key} (invitation or session id). */
    public List<Received> of(String type, String key) {
        return matching(r -> r.envelope().type().equals(type) && key.equals(r.key()));
    }

    public void publish(EventEnvelope<?> envelope) {
        try {
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), EventJson.toBytes(envelope)))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + envelope.type(), e);
        }
    }
}
