package io.hirepipe.defaults.kafka;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.testkit.Infra;
import io.hirepipe.testkit.TestInfrastructure;
import io.hirepipe.testkit.UsesInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Retries, dead-letter topics and correlation ids against a real Kafka broker. */
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "spring.main.web-application-type=none",
        "spring.application.name=messaging-test",
        "hirepipe.kafka.retry.max-retries=2",
        "hirepipe.kafka.retry.initial-interval=100ms",
        "hirepipe.kafka.retry.max-interval=200ms",
        "hirepipe.outbox.collections=widgets",
        "hirepipe.outbox.poll-interval=100ms"})
@UsesInfrastructure({Infra.KAFKA, Infra.MONGO})
class KafkaDefaultsTest {

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    MessagingTestApplication.RevocationListener listener;

    private static EventEnvelope<InvitationRevoked> revocation(String invitationId, String reason, String correlationId) {
        return EventEnvelope.of(new InvitationRevoked(invitationId, reason), "tenant-a", correlationId);
    }

    @Test
    void aListenerSeesTheCorrelationIdOfTheEventInItsMdc() throws Exception {
        String invitationId = "inv-" + UUID.randomUUID();
        kafka.send(Topics.INVITATIONS, invitationId, revocation(invitationId, "filled", "corr-42")).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(listener.handled)
                .contains(new MessagingTestApplication.Handled(invitationId, "corr-42")));
    }

    @Test
    void aRecordThatKeepsFailingGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        String poisoned = "inv-" + UUID.randomUUID();
        String healthy = "inv-" + UUID.randomUUID();

        kafka.send(Topics.INVITATIONS, poisoned, revocation(poisoned, "poison pill", "corr-p")).get();
        kafka.send(Topics.INVITATIONS, poisoned, revocation(healthy, "after the poison", "corr-h")).get();

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(poisoned);
        assertThat(EventJson.fromBytes(dead.value()).payload()).isEqualTo(new InvitationRevoked(poisoned, "poison pill"));
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("cannot handle " + poisoned);
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.INVITATIONS);
        await().atMost(Duration.ofSeconds(30)).alias("the partition moves on past the poison record")
                .untilAsserted(() -> assertThat(listener.handled).extracting(MessagingTestApplication.Handled::invitationId)
                        .contains(healthy));
    }

    @Test
    void bytesThatAreNotAnEventAreDeadLetteredAtOnceUnchanged() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        byte[] garbage = "{not an event".getBytes(StandardCharsets.UTF_8);

        kafka.send(new ProducerRecord<>(Topics.INVITATIONS, key, garbage)).get();

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(key);
        assertThat(dead.value()).isEqualTo(garbage);
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        try (KafkaConsumer<String, byte[]> consumer = deadLetterConsumer()) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.INVITATIONS)));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().anyMatch(r -> key.equals(r.key()));
            });
            return seen.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        }
    }

    private static KafkaConsumer<String, byte[]> deadLetterConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String correlationHeader(ConsumerRecord<?, ?> record) {
        return header(record, CorrelationId.HEADER);
    }
}
