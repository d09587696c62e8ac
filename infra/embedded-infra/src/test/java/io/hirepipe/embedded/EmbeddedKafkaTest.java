package io.hirepipe.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

    private static int requestedPort;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        requestedPort = PortCheck.freePort();
        kafka = EmbeddedKafka.start(requestedPort);
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void listensOnTheRequestedLoopbackPort() {
        assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + requestedPort);
        assertThat(PortCheck.isFree(requestedPort)).isFalse();
    }

    @Test
    void advertisesTheBootstrapAddressSoOtherProcessesCanConnect() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            List<Node> nodes = new ArrayList<>(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS));

            assertThat(nodes).singleElement().satisfies(node -> {
                assertThat(node.host()).isEqualTo("127.0.0.1");
                assertThat(node.port()).isEqualTo(requestedPort);
            });
        }
    }

    @Test
    void deliversARecordFromProducerToConsumerOnAnAutoCreatedTopic() throws Exception {
        String topic = "it-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(topic, "candidate-7", "assessment submitted"))
                    .get(30, TimeUnit.SECONDS);
            assertThat(sent.topic()).isEqualTo(topic);
            assertThat(producer.partitionsFor(topic)).hasSize(EmbeddedKafka.PARTITIONS_PER_TOPIC);
        }

        List<ConsumerRecord<String, String>> received = consumeAtLeastOne(topic);

        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("candidate-7");
            assertThat(record.value()).isEqualTo("assessment submitted");
        });
    }

    @Test
    void acceptsRecordsFromAnotherProcess() throws Exception {
        String topic = "it-" + UUID.randomUUID();
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ProduceOneRecord.class.getName(), kafka.bootstrapServers(), topic, "from another JVM")
                .redirectErrorStream(true)
                .start();
        String childOutput;
        try (var output = child.getInputStream()) {
            childOutput = new String(output.readAllBytes());
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("child process output:%n%s", childOutput).isZero();

        assertThat(consumeAtLeastOne(topic)).extracting(ConsumerRecord::value).containsExactly("from another JVM");
    }

    @Test
    void aStoppedBrokerClosesItsPortAndKeepsEveryRecordWhenStartedAgain() throws Exception {
        String topic = "it-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "s-1", "before the stop")).get(30, TimeUnit.SECONDS);
        }

        kafka.stopBroker();
        try {
            assertThat(PortCheck.isFree(requestedPort)).isTrue();
        } finally {
            kafka.startBroker();
        }

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "s-2", "after the restart")).get(60, TimeUnit.SECONDS);
        }
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received.size() < 2 && System.nanoTime() < deadline) {
            received.addAll(consumeAtLeastOne(topic));
        }
        assertThat(received).extracting(ConsumerRecord::value).contains("before the stop", "after the restart");
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static List<ConsumerRecord<String, String>> consumeAtLeastOne(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
            return received;
        }
    }
}
