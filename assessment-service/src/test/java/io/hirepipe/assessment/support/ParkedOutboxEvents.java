package io.hirepipe.assessment.support;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.Person;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Events of invitations set aside in {@code outbox_parked} the way the relay parks one Kafka can never take (README
 * "Parked outbox events"): making the relay fail for real would need a record over Kafka's size limit.
 */
public record ParkedOutboxEvents(MongoTemplate mongo, String tenant, Instant now) {

    /** Parks an InvitationCreated naming the candidate; returns the parked entry's id (the event id). */
    public String park(String invitationId, String name, String email) {
        EventEnvelope<InvitationCreated> event = EventEnvelope.of(new InvitationCreated(invitationId, "java-basics",
                "Java basics", new Person(name, email), "rita@example.com", null, 30, now.plus(Duration.ofDays(3)),
                "sealed-link-of-" + invitationId, 0), tenant, "corr-parked");
        mongo.getCollection("outbox_parked").insertOne(new Document("_id", event.eventId())
                .append("collection", "invitations").append("documentId", invitationId)
                .append("message", new Document("eventId", event.eventId()).append("type", "InvitationCreated")
                        .append("topic", Topics.INVITATIONS).append("key", invitationId)
                        .append("json", EventJson.toJson(event)))
                .append("reason", "RecordTooLargeException: test").append("parkedAt", Date.from(now)));
        return event.eventId();
    }

    /** The parked event as it is now. */
    public String json(String parkedId) {
        return mongo.findById(parkedId, Document.class, "outbox_parked").get("message", Document.class).getString("json");
    }
}
