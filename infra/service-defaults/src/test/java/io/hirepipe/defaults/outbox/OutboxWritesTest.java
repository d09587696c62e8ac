package io.hirepipe.defaults.outbox;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.defaults.kafka.MessagingTest;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writers never call the relay: the driver listener sees each write that carries events and hints it. The relay here
 * polls once an hour, so an event that arrives within seconds was published on the hint.
 */
@MessagingTest
class OutboxWritesTest {

    record Widget(String id, String tenantId, String status, List<OutboxMessage> outbox) {
    }

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    MongoTemplate contextMongo;

    @Autowired
    OutboxWrites contextWrites;

    @Autowired
    OutboxRelay contextRelay;

    private final String collection = "written-" + UUID.randomUUID();
    private MongoClient client;
    private MongoTemplate mongo;
    private OutboxRelay relay;

    @BeforeEach
    void relayThatPollsHourly() {
        OutboxProperties properties = new OutboxProperties(List.of(collection), Duration.ofHours(1),
                Duration.ofSeconds(30), Duration.ofSeconds(10));
        OutboxWrites writes = new OutboxWrites(properties);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.mongo().connectionString()))
                .addCommandListener(writes).build());
        mongo = new MongoTemplate(client, contextMongo.getDb().getName());
        relay = new OutboxRelay(mongo, kafka, properties, new SimpleMeterRegistry(), Clock.systemUTC());
        writes.hintTo(relay::publishSoon);
        relay.start();
    }

    @AfterEach
    void stop() {
        relay.stop();
        client.close();
    }

    @Test
    void anInsertWithEventsIsPublishedWithoutWaitingForThePoll() {
        String id = "w-" + UUID.randomUUID();

        mongo.insert(new Widget(id, "tenant-a", "REVOKED", Outbox.messages(revoked(id))), collection);

        assertThat(EventJson.fromBytes(awaitRecord(id).value()).payload())
                .isEqualTo(new InvitationRevoked(id, "filled"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pendingIn(id)).isEmpty());
    }

    @Test
    void anUpdateByIdAndAFindAndModifyByAnotherFieldArePublishedWithoutWaitingForThePoll() {
        String updated = "w-" + UUID.randomUUID();
        String modified = "w-" + UUID.randomUUID();
        mongo.insert(new Widget(updated, "tenant-a", "INVITED", List.of()), collection);
        mongo.insert(new Widget(modified, "tenant-a", "INVITED", List.of()), collection);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(updated).and("tenantId").is("tenant-a")),
                Outbox.append(new Update().set("status", "REVOKED"), revoked(updated)), collection);
        // the filter does not name the id: the listener takes it from the server's answer
        Query byStatusOnly = Query.query(Criteria.where("status").is("INVITED").and("tenantId").is("tenant-a"));
        byStatusOnly.fields().exclude(Outbox.FIELD);
        mongo.findAndModify(byStatusOnly, Outbox.append(new Update().set("status", "REVOKED"), revoked(modified)),
                FindAndModifyOptions.options().returnNew(true), Document.class, collection);

        assertThat(awaitRecord(updated).key()).isEqualTo(updated);
        assertThat(awaitRecord(modified).key()).isEqualTo(modified);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(pendingIn(updated)).isEmpty();
            assertThat(pendingIn(modified)).isEmpty();
        });
    }

    @Test
    void theApplicationsOwnMongoClientHandsItsWritesWithEventsToItsRelay() {
        String id = "w-" + UUID.randomUUID();
        List<Object> hinted = new CopyOnWriteArrayList<>();
        contextWrites.hintTo((collection, written) -> {
            hinted.add(collection + "/" + written);
            contextRelay.publishSoon(collection, written);
        });
        try {
            contextMongo.insert(new Widget(id, "tenant-a", "REVOKED", Outbox.messages(revoked(id))), "widgets");
            contextMongo.insert(new Widget("w-" + UUID.randomUUID(), "tenant-a", "INVITED", List.of()), "widgets");

            assertThat(hinted).containsExactly("widgets/" + id);
        } finally {
            contextWrites.hintTo(contextRelay::publishSoon);
        }
    }

    private static EventEnvelope<InvitationRevoked> revoked(String invitationId) {
        return EventEnvelope.of(new InvitationRevoked(invitationId, "filled"), "tenant-a", "corr-" + invitationId);
    }

    private List<Document> pendingIn(String id) {
        Document document = mongo.getCollection(collection).find(new Document("_id", id)).first();
        return document == null ? List.of() : document.getList(Outbox.FIELD, Document.class, List.of());
    }

    private static EventRecord awaitRecord(String key) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> EventTopics.shared().readToEnd(Topics.INVITATIONS, r -> key.equals(r.key())),
                        r -> !r.isEmpty()).get(0);
    }
}
