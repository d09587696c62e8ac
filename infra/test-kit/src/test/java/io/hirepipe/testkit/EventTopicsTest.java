package io.hirepipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.contracts.events.UnrecognizedEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the kit's own embedded Kafka broker, without Spring: what a service test relies on. */
class EventTopicsTest {

    private static String bootstrapServers;
    private static EventTopics topics;
    /** Waits briefly, for the tests that expect a wait to fail. */
    private static EventTopics impatient;

    @BeforeAll
    static void connect() throws Exception {
        bootstrapServers = TestInfrastructure.kafka(InfrastructureMode.EMBEDDED).bootstrapServers();
        createTopic(Topics.INVITATIONS);
        topics = new EventTopics(bootstrapServers, Duration.ofSeconds(30));
        impatient = new EventTopics(bootstrapServers, Duration.ofSeconds(2));
    }

    @AfterAll
    static void disconnect() {
        topics.close();
        impatient.close();
    }

    private static EventEnvelope<InvitationRevoked> revocation(String invitationId, String reason) {
        return EventEnvelope.of(new InvitationRevoked(invitationId, reason), "tenant-a", "corr-" + invitationId);
    }

    @Test
    void aPublishedEnvelopeIsReadBackDecodedUnderItsKey() {
        EventEnvelope<InvitationRevoked> sent = revocation("inv-" + UUID.randomUUID(), "filled");

        RecordMetadata metadata = topics.publish(sent);

        List<EventRecord> read = topics.awaitRecords(Topics.INVITATIONS, r -> sent.key().equals(r.key()));
        assertThat(read).hasSize(1);
        EventRecord record = read.get(0);
        assertThat(record.topic()).isEqualTo(Topics.INVITATIONS).isEqualTo(metadata.topic());
        assertThat(record.raw().partition()).isEqualTo(metadata.partition());
        assertThat(record.raw().offset()).isEqualTo(metadata.offset());
        assertThat(record.envelope()).isEqualTo(EventJson.fromJson(EventJson.toJson(sent)));
        assertThat(record.payload()).isEqualTo(new InvitationRevoked(sent.payload().invitationId(), "filled"));
        assertThat(record.value()).isEqualTo(EventJson.toBytes(sent));
    }

    @Test
    void awaitingReturnsEveryMatchReadSoFarInOrder() {
        String invitationId = "inv-" + UUID.randomUUID();
        topics.publish(revocation(invitationId, "first"));
        topics.publish(revocation(invitationId, "second"));

        topics.awaitRecords(Topics.INVITATIONS,
                r -> r.payload() instanceof InvitationRevoked revoked && revoked.reason().equals("second")
                        && revoked.invitationId().equals(invitationId));

        assertThat(topics.awaitRecords(Topics.INVITATIONS, r -> invitationId.equals(r.key())))
                .extracting(r -> ((InvitationRevoked) r.payload()).reason())
                .containsExactly("first", "second");
    }

    @Test
    void rawJsonIsSentAsItIsAndWhatIsNoEventIsStillRead() throws Exception {
        String topic = createTopic("testkit-raw-" + UUID.randomUUID());
        topics.publishRaw(topic, "unknown", """
                {"eventId":"e-1","type":"CertificateIssued","schemaVersion":1,"tenantId":"t","payload":{"url":"u"}}""");
        topics.publishRaw(topic, "garbage", "{not an event");

        EventRecord unknown = topics.awaitRecords(topic, r -> "unknown".equals(r.key())).get(0);
        EventRecord garbage = topics.awaitRecords(topic, r -> "garbage".equals(r.key())).get(0);

        assertThat(unknown.envelope().type()).isEqualTo("CertificateIssued");
        assertThat(unknown.payload()).isInstanceOf(UnrecognizedEvent.class);
        assertThat(garbage.envelope()).isNull();
        assertThat(garbage.payload()).isNull();
        assertThat(garbage.value()).isEqualTo("{not an event".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.toString()).contains("not an event");
    }

    @Test
    void readToEndSeesEverythingUpToTheCurrentEndIncludingLaterRecords() throws Exception {
        String topic = createTopic("testkit-end-" + UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            topics.publishRaw(topic, "k" + i, "{}");
        }

        assertThat(topics.readToEnd(topic, r -> true)).extracting(EventRecord::key)
                .containsExactlyInAnyOrder("k0", "k1", "k2", "k3", "k4");
        assertThat(topics.readToEnd(topic, r -> "k9".equals(r.key()))).isEmpty();

        topics.publishRaw(topic, "k9", "{}");
        assertThat(topics.readToEnd(topic, r -> "k9".equals(r.key()))).hasSize(1);
    }

    @Test
    void readToEndOfAnEmptyTopicReturnsAtOnce() throws Exception {
        String topic = createTopic("testkit-empty-" + UUID.randomUUID());

        // The patient reader: "at once" means without waiting for a record, which would end in its time-out; a new
        // reader's first metadata fetch alone may take the impatient reader's 2 s on a loaded machine.
        assertThat(topics.readToEnd(topic, r -> true)).isEmpty();
    }

    @Test
    void headersAreReadAsText() throws Exception {
        String topic = createTopic("testkit-headers-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, "h", "{}");
            record.headers().add("kafka_dlt-exception-message", "boom".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        EventRecord read = topics.awaitRecords(topic, r -> "h".equals(r.key())).get(0);

        assertThat(read.header("kafka_dlt-exception-message")).isEqualTo("boom");
        assertThat(read.header("absent")).isNull();
    }

    @Test
    void waitingForARecordThatNeverComesFails() throws Exception {
        String topic = createTopic("testkit-never-" + UUID.randomUUID());
        impatient.publishRaw(topic, "other", "{}");

        assertThatThrownBy(() -> impatient.awaitRecords(topic, r -> "never".equals(r.key())))
                .isInstanceOf(ConditionTimeoutException.class)
                .hasMessageContaining(topic);
    }

    @Test
    void aTopicThatDoesNotExistIsWaitedForButNeverCreated() throws Exception {
        String missing = "testkit-missing-" + UUID.randomUUID();

        assertThatThrownBy(() -> impatient.readToEnd(missing, r -> true))
                .isInstanceOf(ConditionTimeoutException.class)
                .hasMessageContaining("topic " + missing + " to exist");
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).doesNotContain(missing);
        }
    }

    @Test
    void awaitConsumedWaitsUntilTheGroupHasCommittedPastTheRecord() throws Exception {
        String topic = createTopic("testkit-consumed-" + UUID.randomUUID());
        String group = "testkit-group-" + UUID.randomUUID();
        RecordMetadata first = topics.publishRaw(topic, "same-key", "{}");
        RecordMetadata second = topics.publishRaw(topic, "same-key", "{}");
        TopicPartition partition = new TopicPartition(topic, first.partition());

        try (KafkaConsumer<String, String> service = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group), new StringDeserializer(), new StringDeserializer())) {
            service.commitSync(Map.of(partition, new OffsetAndMetadata(first.offset() + 1)));

            topics.awaitConsumed(group, first);
            assertThatThrownBy(() -> impatient.awaitConsumed(group, second))
                    .as("committed up to the second record, not past it")
                    .isInstanceOf(ConditionTimeoutException.class);

            service.commitSync(Map.of(partition, new OffsetAndMetadata(second.offset() + 1)));
            topics.awaitConsumed(group, second);
        }
    }

    @Test
    void theSharedInstanceIsOnePerJvm() {
        assertThat(EventTopics.shared()).isSameAs(EventTopics.shared());
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private static String createTopic(String name) throws InterruptedException {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return name;
    }
}
