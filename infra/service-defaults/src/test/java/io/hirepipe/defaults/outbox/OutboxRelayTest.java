package io.hirepipe.defaults.outbox;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentStarted;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.defaults.clock.DatabaseAlignedClock;
import io.hirepipe.defaults.clock.DatabaseClockAutoConfiguration;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.kafka.MessagingTest;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.testkit.EventTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox against real MongoDB and Kafka: state and event written together, published at least once. */
@MessagingTest
class OutboxRelayTest {

    /** A document that carries its own outbox, as service aggregates do. */
    record Widget(String id, String tenantId, String status, List<OutboxMessage> outbox) {
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    @Qualifier(DatabaseClockAutoConfiguration.BEAN)
    Clock leaseClock;

    @Autowired
    io.hirepipe.defaults.health.MongoPingHealthIndicator mongoHealth;

    @Test
    void mongoHealthIsUpOnTheServersThisServiceUses() {
        assertThat(mongoHealth.health(true).getStatus().getCode()).isEqualTo("UP");
    }

    private static EventEnvelope<InvitationRevoked> revoked(String invitationId) {
        return EventEnvelope.of(new InvitationRevoked(invitationId, "filled"), "tenant-a", "corr-" + invitationId);
    }

    @Test
    void anInsertedDocumentsEventsArePublishedWithCorrelationIdAndRemovedFromItsOutbox() {
        String id = "w-" + UUID.randomUUID();
        EventEnvelope<InvitationRevoked> event = revoked(id);

        mongo.insert(new Widget(id, "tenant-a", "REVOKED", Outbox.messages(event)), "widgets");

        EventRecord published = awaitRecord(Topics.INVITATIONS, id);
        assertThat(EventJson.fromBytes(published.value())).isEqualTo(EventJson.fromJson(EventJson.toJson(event)));
        assertThat(published.header(CorrelationId.HEADER)).isEqualTo("corr-" + id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(pendingIn(id)).isEmpty());
    }

    @Test
    void eventsAppendedByAnUpdateArePublishedInOrder() {
        String id = "w-" + UUID.randomUUID();
        mongo.insert(new Widget(id, "tenant-a", "NEW", List.of()), "widgets");
        EventEnvelope<AssessmentStarted> first = EventEnvelope.of(
                new AssessmentStarted(id, "s-1", Instant.now(), Instant.now().plusSeconds(60)), "tenant-a", "c1");
        EventEnvelope<InvitationRevoked> second = revoked(id);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is("NEW")),
                Outbox.append(new Update().set("status", "DONE"), first, second), "widgets");

        List<EventRecord> records = awaitRecords(Topics.INVITATIONS, id, 2);
        assertThat(records).extracting(r -> EventJson.fromBytes(r.value()).eventId())
                .containsExactly(first.eventId(), second.eventId());
    }

    @Test
    void eventsWaitInTheOutboxWhileKafkaIsDownAndGoOutWhenItIsBack() {
        String id = "w-" + UUID.randomUUID();
        OutboxProperties properties = new OutboxProperties(List.of("parked"), Duration.ofMillis(100),
                Duration.ofMillis(200), Duration.ofSeconds(2));
        mongo.insert(new Widget(id, "tenant-a", "REVOKED", Outbox.messages(revoked(id))), "parked");

        OutboxRelay brokerDown = new OutboxRelay(mongo, unreachableKafka(), properties, new SimpleMeterRegistry(),
                Clock.systemUTC());
        assertThat(brokerDown.publishPending()).isZero();
        assertThat(pendingIn("parked", id)).as("nothing is lost while Kafka is unreachable").hasSize(1);

        OutboxRelay brokerBack = new OutboxRelay(mongo, kafka, properties, new SimpleMeterRegistry(), Clock.systemUTC());
        await().atMost(Duration.ofSeconds(10)).until(() -> brokerBack.publishPending() == 1);

        assertThat(pendingIn("parked", id)).isEmpty();
        assertThat(EventJson.fromBytes(awaitRecord(Topics.INVITATIONS, id).value()).payload())
                .isEqualTo(new InvitationRevoked(id, "filled"));
    }

    @Test
    void aBatchLargerThanOneQueryIsPublishedWholeWithEachKeysEventsInOrder() {
        String collection = "batched-" + UUID.randomUUID();
        OutboxProperties properties = new OutboxProperties(List.of(collection), Duration.ofHours(1),
                Duration.ofSeconds(30), Duration.ofSeconds(10));
        int documents = OutboxRelay.BATCH + 30;
        Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < documents; i++) {
            String id = "w-" + UUID.randomUUID();
            EventEnvelope<AssessmentStarted> first = EventEnvelope.of(
                    new AssessmentStarted(id, "s-" + i, Instant.now(), Instant.now().plusSeconds(60)), "tenant-a", "c" + i);
            EventEnvelope<InvitationRevoked> second = revoked(id);
            mongo.insert(new Widget(id, "tenant-a", "REVOKED", Outbox.messages(first, second)), collection);
            expected.put(id, List.of(first.eventId(), second.eventId()));
        }

        int published = new OutboxRelay(mongo, kafka, properties, new SimpleMeterRegistry(), Clock.systemUTC())
                .publishPending();

        assertThat(published).isEqualTo(2 * documents);
        List<EventRecord> records = await().atMost(Duration.ofSeconds(30)).until(
                () -> EventTopics.shared().readToEnd(Topics.INVITATIONS, r -> expected.containsKey(r.key())),
                r -> r.size() >= 2 * documents);
        Map<String, List<String>> seen = new java.util.HashMap<>();
        records.forEach(r -> seen.computeIfAbsent(r.key(), k -> new java.util.ArrayList<>())
                .add(EventJson.fromBytes(r.value()).eventId()));
        assertThat(seen).as("every event once, in its document's order").isEqualTo(expected);
        for (Document document : mongo.getCollection(collection).find()) {
            assertThat(document.getList(Outbox.FIELD, Document.class)).isEmpty();
            assertThat(document).doesNotContainKeys(Outbox.LEASE_FIELD, Outbox.LEASE_TOKEN_FIELD);
        }
    }

    @Test
    void aFailedBatchLosesNothingAndIsPublishedInOrderOnceKafkaIsBack() {
        String collection = "failing-" + UUID.randomUUID();
        OutboxProperties properties = new OutboxProperties(List.of(collection), Duration.ofHours(1),
                Duration.ofMillis(300), Duration.ofSeconds(2));
        List<String> ids = new java.util.ArrayList<>();
        Map<String, List<String>> expected = new java.util.HashMap<>();
        for (int i = 0; i < 3; i++) {
            String id = "w-" + UUID.randomUUID();
            EventEnvelope<AssessmentStarted> first = EventEnvelope.of(
                    new AssessmentStarted(id, "s-" + i, Instant.now(), Instant.now().plusSeconds(60)), "tenant-a", "c" + i);
            EventEnvelope<InvitationRevoked> second = revoked(id);
            mongo.insert(new Widget(id, "tenant-a", "REVOKED", Outbox.messages(first, second)), collection);
            ids.add(id);
            expected.put(id, List.of(first.eventId(), second.eventId()));
        }

        OutboxRelay brokerDown = new OutboxRelay(mongo, unreachableKafka(), properties, new SimpleMeterRegistry(),
                Clock.systemUTC());
        assertThat(brokerDown.publishPending()).isZero();
        for (String id : ids) {
            assertThat(pendingIn(collection, id)).as("nothing is lost when the sends fail").hasSize(2);
        }

        OutboxRelay brokerBack = new OutboxRelay(mongo, kafka, properties, new SimpleMeterRegistry(), Clock.systemUTC());
        await().atMost(Duration.ofSeconds(10)).until(() -> brokerBack.publishPending() == 6 || ids.stream()
                .allMatch(id -> pendingIn(collection, id).isEmpty()));
        for (String id : ids) {
            assertThat(awaitRecords(Topics.INVITATIONS, id, 2)).extracting(r -> EventJson.fromBytes(r.value()).eventId())
                    .containsExactlyElementsOf(expected.get(id));
        }
    }

    @Test
    void aDocumentTheWriterHintsAtIsPublishedWithoutWaitingForThePoll() {
        String collection = "hinted-" + UUID.randomUUID();
        String id = "w-" + UUID.randomUUID();
        OutboxProperties properties = new OutboxProperties(List.of(collection), Duration.ofHours(1),
                Duration.ofSeconds(30), Duration.ofSeconds(10));
        OutboxRelay relay = new OutboxRelay(mongo, kafka, properties, new SimpleMeterRegistry(), Clock.systemUTC());
        relay.start();
        try {
            mongo.insert(new Widget(id, "tenant-a", "REVOKED", Outbox.messages(revoked(id))), collection);
            relay.publishSoon(collection, id);

            assertThat(EventJson.fromBytes(awaitRecord(Topics.INVITATIONS, id).value()).payload())
                    .as("published long before the hour-long poll").isEqualTo(new InvitationRevoked(id, "filled"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pendingIn(collection, id)).isEmpty());
        } finally {
            relay.stop();
        }
    }

    @Test
    void anEventKafkaCanNeverTakeIsParkedAndBlocksNothing() {
        String big = "w-" + UUID.randomUUID();
        String other = "w-" + UUID.randomUUID();
        OutboxProperties properties = new OutboxProperties(List.of("parking"), Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        EventEnvelope<InvitationRevoked> tooLarge = EventEnvelope.of(new InvitationRevoked(big, "x".repeat(4_000)),
                "tenant-a", "corr-big");
        EventEnvelope<InvitationRevoked> afterIt = revoked(big);
        mongo.insert(new Widget(big, "tenant-a", "REVOKED", Outbox.messages(tooLarge, afterIt)), "parking");
        mongo.insert(new Widget(other, "tenant-a", "REVOKED", Outbox.messages(revoked(other))), "parking");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        OutboxRelay relay = new OutboxRelay(mongo, kafkaTakingAtMost(2_000), properties, meters, Clock.systemUTC());

        assertThat(relay.publishPending()).as("the two events that fit").isEqualTo(2);
        assertThat(pendingIn("parking", big)).isEmpty();
        assertThat(pendingIn("parking", other)).isEmpty();
        assertThat(awaitRecords(Topics.INVITATIONS, big, 1)).extracting(r -> EventJson.fromBytes(r.value()).eventId())
                .containsExactly(afterIt.eventId());
        awaitRecord(Topics.INVITATIONS, other);
        Document parked = mongo.getCollection(Outbox.PARKED_COLLECTION)
                .find(new Document("_id", tooLarge.eventId())).first();
        assertThat(parked).isNotNull();
        assertThat(parked.getString("collection")).isEqualTo("parking");
        assertThat(parked.getString("documentId")).isEqualTo(big);
        assertThat(parked.getString("reason")).startsWith("RecordTooLargeException");
        assertThat(parked.get("message", Document.class).getString("eventId")).isEqualTo(tooLarge.eventId());
        assertThat(meters.get("hirepipe.outbox.parked").tag("collection", "parking").counter().count()).isEqualTo(1);
    }

    @Test
    void aRelayWhoseLeaseWasTakenOverChangesNothingMore() {
        String id = "w-" + UUID.randomUUID();
        OutboxProperties properties = new OutboxProperties(List.of("fenced"), Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        mongo.insert(new Widget(id, "tenant-a", "REVOKED", Outbox.messages(revoked(id))), "fenced");
        // This relay's clock runs an hour fast: it sees another relay's fresh lease as long expired.
        Instant anotherRelaysLease = Instant.now().plusSeconds(30);
        mongo.getCollection("fenced").updateOne(new Document("_id", id), new Document("$set",
                new Document(Outbox.LEASE_FIELD, java.util.Date.from(anotherRelaysLease))
                        .append(Outbox.LEASE_TOKEN_FIELD, "another-relay")));
        Clock fast = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        OutboxRelay early = new OutboxRelay(mongo, kafka, properties, new SimpleMeterRegistry(), fast);

        assertThat(early.publishPending()).as("it took the lease, as skewed clocks allow").isEqualTo(1);
        Document after = mongo.getCollection("fenced").find(new Document("_id", id)).first();
        assertThat(after.getList(Outbox.FIELD, Document.class)).isEmpty();

        // The other relay, finishing late with its own token, can no longer change the document.
        long changed = mongo.getCollection("fenced").updateOne(
                new Document("_id", id).append(Outbox.LEASE_TOKEN_FIELD, "another-relay"),
                new Document("$set", new Document("status", "OVERWRITTEN"))).getMatchedCount();
        assertThat(changed).isZero();
    }

    @Test
    void aRelayWhoseClockRunsFastTimesLeasesOnTheDatabasesClockAndLeavesAnotherRelaysLeaseAlone() {
        assertThat(leaseClock).as("the service's relay").isInstanceOf(DatabaseAlignedClock.class);
        String id = "w-" + UUID.randomUUID();
        OutboxProperties properties = new OutboxProperties(List.of("aligned"), Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        mongo.insert(new Widget(id, "tenant-a", "REVOKED", Outbox.messages(revoked(id))), "aligned");
        mongo.getCollection("aligned").updateOne(new Document("_id", id), new Document("$set",
                new Document(Outbox.LEASE_FIELD, java.util.Date.from(Instant.now().plusSeconds(30)))
                        .append(Outbox.LEASE_TOKEN_FIELD, "another-relay")));
        Clock fast = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));

        try (DatabaseAlignedClock aligned = DatabaseAlignedClock.of(mongo, fast, Duration.ZERO)) {
            OutboxRelay relay = new OutboxRelay(mongo, kafka, properties, new SimpleMeterRegistry(), aligned);

            assertThat(relay.publishPending()).isZero();
        }
        Document after = mongo.getCollection("aligned").find(new Document("_id", id)).first();
        assertThat(after.getString(Outbox.LEASE_TOKEN_FIELD)).isEqualTo("another-relay");
        assertThat(after.getList(Outbox.FIELD, Document.class)).hasSize(1);
    }

    @Test
    void theRecordContinuesTheTraceOfTheRequestThatWroteTheEvent() {
        String id = "w-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        SpanContext request = SpanContext.create(traceId, "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
        List<OutboxMessage> outbox;
        try (Scope ignored = Span.wrap(request).makeCurrent()) {
            outbox = Outbox.messages(revoked(id));
        }
        assertThat(outbox.get(0).traceparent()).isEqualTo("00-" + traceId + "-00f067aa0ba902b7-01");

        mongo.insert(new Widget(id, "tenant-a", "REVOKED", outbox), "widgets");

        assertThat(awaitRecord(Topics.INVITATIONS, id).header("traceparent"))
                .as("the relay's send is a span of the same trace").startsWith("00-" + traceId + "-");
    }

    @Test
    void theBacklogCountsWaitingEventsAndTheAgeOfTheOldest() {
        String id = "w-" + UUID.randomUUID();
        String backlogged = "backlogged-" + id;
        Instant created = Instant.now().minusSeconds(90);
        EventEnvelope<InvitationRevoked> old = EventEnvelope.of(new InvitationRevoked(id, "filled"), "tenant-a", "c-old",
                created);
        mongo.insert(new Widget(id, "tenant-a", "REVOKED", Outbox.messages(old, revoked(id))), backlogged);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new OutboxBacklog(mongo, List.of(backlogged, "empty"), Clock.systemUTC(), Duration.ZERO).bindTo(meters);

        assertThat(meters.get("hirepipe.outbox.pending").tag("collection", backlogged).gauge().value()).isEqualTo(2);
        assertThat(meters.get("hirepipe.outbox.oldest.age").tag("collection", backlogged).gauge().value())
                .isBetween(90.0, 150.0);
        assertThat(meters.get("hirepipe.outbox.pending").tag("collection", "empty").gauge().value()).isZero();
        assertThat(meters.get("hirepipe.outbox.oldest.age").tag("collection", "empty").gauge().value()).isZero();

        OutboxProperties properties = new OutboxProperties(List.of(backlogged), Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        new OutboxRelay(mongo, kafka, properties, new SimpleMeterRegistry(), Clock.systemUTC()).publishPending();

        assertThat(meters.get("hirepipe.outbox.pending").tag("collection", backlogged).gauge().value()).isZero();
        assertThat(meters.get("hirepipe.outbox.oldest.age").tag("collection", backlogged).gauge().value()).isZero();
    }

    private List<Document> pendingIn(String id) {
        return pendingIn("widgets", id);
    }

    private List<Document> pendingIn(String collection, String id) {
        Document document = mongo.getCollection(collection).find(new Document("_id", id)).first();
        return document == null ? List.of() : document.getList(Outbox.FIELD, Document.class, List.of());
    }

    private static KafkaTemplate<Object, Object> unreachableKafka() {
        int closedPort = io.hirepipe.embedded.PortCheck.freePort();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, io.hirepipe.defaults.kafka.EventEnvelopeSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    /** The test kit's Kafka, with a producer that refuses records over {@code maxRequestBytes}, as a broker limit would. */
    private static KafkaTemplate<Object, Object> kafkaTakingAtMost(int maxRequestBytes) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, io.hirepipe.testkit.TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    private static EventRecord awaitRecord(String topic, String key) {
        return awaitRecords(topic, key, 1).get(0);
    }

    private static List<EventRecord> awaitRecords(String topic, String key, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> EventTopics.shared().readToEnd(topic, r -> key.equals(r.key())), r -> r.size() >= count);
    }
}
