package io.hirepipe.defaults.outbox;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The events the relay set aside in {@value Outbox#PARKED_COLLECTION} because Kafka could never take them, as an
 * operator of a tenant sees them, and their way back: once the cause is fixed (a limit raised), an event is pushed
 * onto its document's outbox again and the relay publishes it (or parks it again, if it still cannot be sent).
 *
 * <p>An entry names its tenant only inside the event it holds, so it is read from there; the collection is meant to
 * stay empty (any entry raises an alert), so reading every entry costs nothing.
 */
public class ParkedEvents {

    /** One set-aside event, without the event itself: it may hold a candidate's answers. */
    public record Parked(String eventId, String type, String topic, String key, String collection, String documentId,
                         String reason, Instant parkedAt) {
    }

    /** What re-queuing found, and the event it was about (null when none of the tenant's has that id). */
    public record Requeue(Outcome outcome, Parked event) {

        public enum Outcome { REQUEUED, NOT_FOUND, DOCUMENT_GONE }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MongoTemplate mongo;

    public ParkedEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The tenant's parked events, oldest first. */
    public List<Parked> list(String tenantId, int limit) {
        Query all = new Query().with(Sort.by("parkedAt", "_id"));
        return mongo.find(all, Document.class, Outbox.PARKED_COLLECTION).stream()
                .filter(entry -> tenantId.equals(tenantOf(entry)))
                .limit(limit)
                .map(ParkedEvents::parked)
                .toList();
    }

    /**
     * Pushes the event back onto its document's outbox, then forgets the parked copy. In that order, so that a crash
     * in between leaves it parked rather than lost; re-queued twice, it is published twice, which consumers absorb
     * (they are idempotent by event id), and the relay takes both copies out of the outbox together.
     */
    public Requeue requeue(String tenantId, String eventId) {
        Document entry = mongo.findById(eventId, Document.class, Outbox.PARKED_COLLECTION);
        if (entry == null || !tenantId.equals(tenantOf(entry))) {
            return new Requeue(Requeue.Outcome.NOT_FOUND, null);
        }
        Query document = Query.query(Criteria.where("_id").is(entry.get("documentId")));
        long pushed = mongo.updateFirst(document, new Update().push(Outbox.FIELD, entry.get("message", Document.class)),
                entry.getString("collection")).getMatchedCount();
        if (pushed == 0) {
            return new Requeue(Requeue.Outcome.DOCUMENT_GONE, parked(entry));
        }
        mongo.remove(Query.query(Criteria.where("_id").is(eventId)), Outbox.PARKED_COLLECTION);
        return new Requeue(Requeue.Outcome.REQUEUED, parked(entry));
    }

    private static String tenantOf(Document entry) {
        Document message = entry.get("message", Document.class);
        String json = message == null ? null : message.getString("json");
        if (json == null) {
            return null;
        }
        try {
            JsonNode tenant = JSON.readTree(json).path("tenantId");
            return tenant.isString() ? tenant.stringValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Parked parked(Document entry) {
        Document message = entry.get("message", Document.class);
        Date parkedAt = entry.getDate("parkedAt");
        Object documentId = entry.get("documentId");
        return new Parked(entry.getString("_id"), message.getString("type"), message.getString("topic"),
                message.getString("key"), entry.getString("collection"),
                documentId == null ? null : documentId.toString(), entry.getString("reason"),
                parkedAt == null ? null : parkedAt.toInstant());
    }
}
