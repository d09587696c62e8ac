package io.hirepipe.defaults.kafka;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.testkit.EventTopics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Retries, dead-letter topics and correlation ids against a real Kafka broker. */
@MessagingTest
class KafkaDefaultsTest {

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    MessagingTestApplication.RevocationListener listener;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaAdmin kafkaAdmin;

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

        EventRecord dead = awaitDeadLetter(poisoned);
        assertThat(EventJson.fromBytes(dead.value()).payload()).isEqualTo(new InvitationRevoked(poisoned, "poison pill"));
        assertThat(dead.header("kafka_dlt-exception-message")).contains("cannot handle " + poisoned);
        assertThat(dead.header("kafka_dlt-original-topic")).isEqualTo(Topics.INVITATIONS);
        await().atMost(Duration.ofSeconds(30)).alias("the partition moves on past the poison record")
                .untilAsserted(() -> assertThat(listener.handled).extracting(MessagingTestApplication.Handled::invitationId)
                        .contains(healthy));
    }

    @Test
    void bytesThatAreNotAnEventAreDeadLetteredAtOnceUnchanged() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        byte[] garbage = "{not an event".getBytes(StandardCharsets.UTF_8);
        double deadBefore = deadLettered(Topics.INVITATIONS);

        kafka.send(new ProducerRecord<>(Topics.INVITATIONS, key, garbage)).get();

        EventRecord dead = awaitDeadLetter(key);
        assertThat(dead.value()).isEqualTo(garbage);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deadLettered(Topics.INVITATIONS)).isGreaterThanOrEqualTo(deadBefore + 1));
    }

    @Test
    void everyTopicHasADeadLetterCountFromTheStart() {
        assertThat(Topics.ALL).allSatisfy(topic ->
                assertThat(meters.find("hirepipe.kafka.dead.lettered").tag("topic", topic).counter()).isNotNull());
    }

    @Test
    void everyTopicButTheQuestionsExpiresItsRecordsWithinTheBoundedRetention() throws Exception {
        try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
            for (String topic : Topics.ALL) {
                // the audit topic, which holds no candidate data, keeps its own (longer) bound
                String expected = Topics.isRetainedForever(topic) ? "-1"
                        : String.valueOf(Topics.boundedRetention(topic).orElse(Topics.BOUNDED_RETENTION).toMillis());
                assertThat(retentionOf(admin, topic)).as(topic).isEqualTo(expected);
                assertThat(retentionOf(admin, Topics.deadLetterOf(topic))).as(Topics.deadLetterOf(topic))
                        .isEqualTo(String.valueOf(Topics.BOUNDED_RETENTION.toMillis()));
            }
        }
    }

    private static String retentionOf(AdminClient admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        return config.get(TopicConfig.RETENTION_MS_CONFIG).value();
    }

    private double deadLettered(String topic) {
        return meters.get("hirepipe.kafka.dead.lettered").tag("topic", topic).counter().count();
    }

    private static EventRecord awaitDeadLetter(String key) {
        return EventTopics.shared().awaitRecords(Topics.deadLetterOf(Topics.INVITATIONS), r -> key.equals(r.key())).get(0);
    }
}
