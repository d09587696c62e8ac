package io.hirepipe.defaults.privacy;

import io.hirepipe.defaults.outbox.Outbox;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Blanks the candidate's personal data in events still waiting in an outbox (see {@link Outbox}) when the
 * candidate is erased, so the relay cannot publish it afterwards. The events stay (the state changes they
 * announce still happened) with, anywhere in the payload: {@code candidate} replaced by
 * {@code {"name": "Erased candidate", "email": null}}; the platform's reference and the invitation link
 * (plain or sealed) nulled; the {@code text} of every answer nulled. Ids, scores and staff addresses stay.
 *
 * <p>The relay may hold a copy it leased just before; that one is the last to leave, and consumers drop
 * events of erased candidates anyway ({@link ErasedCandidates}).
 */
public final class PendingEvents {

    public static final String ERASED_NAME = "Erased candidate";
    private static final Set<String> NULLED = Set.of("externalReference", "accessUrl", "sealedAccessUrl");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PendingEvents() {
    }

    /**
     * @param documents the outbox-bearing documents that are about the erased candidate
     * @return how many waiting events were changed, those set aside as parked included
     */
    public static long scrub(MongoTemplate mongo, String collection, Query documents) {
        return scrubOutboxes(mongo, collection, documents) + scrubParked(mongo, collection, idsOf(mongo, collection, documents));
    }

    /**
     * Blanks the copies the relay set aside in {@value Outbox#PARKED_COLLECTION} of events from these documents
     * (ones Kafka could never take, waiting there for an operator to re-queue them): the same events, the same
     * personal data, and no relay ever takes them out by itself.
     *
     * @return how many parked events were changed
     */
    public static long scrubParked(MongoTemplate mongo, String collection, Collection<?> documentIds) {
        if (documentIds.isEmpty()) {
            return 0;
        }
        Query parked = Query.query(Criteria.where("collection").is(collection).and("documentId").in(documentIds));
        parked.fields().include("message.json");
        long changed = 0;
        for (Document entry : mongo.find(parked, Document.class, Outbox.PARKED_COLLECTION)) {
            Document message = entry.get("message", Document.class);
            String json = message == null ? null : message.getString("json");
            String scrubbed = json == null ? null : scrub(json);
            if (scrubbed != null && !scrubbed.equals(json)) {
                changed += mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.get("_id"))),
                        new Update().set("message.json", scrubbed), Outbox.PARKED_COLLECTION).getModifiedCount();
            }
        }
        return changed;
    }

    private static List<Object> idsOf(MongoTemplate mongo, String collection, Query documents) {
        Query ids = new BasicQuery(documents.getQueryObject(), new Document("_id", 1));
        return mongo.find(ids, Document.class, collection).stream().map(d -> d.get("_id")).toList();
    }

    private static long scrubOutboxes(MongoTemplate mongo, String collection, Query documents) {
        Query query = Query.of(documents);
        query.addCriteria(Criteria.where(Outbox.FIELD + ".eventId").exists(true));
        query.fields().include(Outbox.FIELD);
        long changed = 0;
        for (Document document : mongo.find(query, Document.class, collection)) {
            for (Document message : document.getList(Outbox.FIELD, Document.class, List.of())) {
                String json = message.getString("json");
                String scrubbed = json == null ? null : scrub(json);
                if (scrubbed == null || scrubbed.equals(json)) {
                    continue;
                }
                // by event id: an event the relay took out meanwhile is gone and stays gone
                changed += mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))
                                .and(Outbox.FIELD + ".eventId").is(message.getString("eventId"))),
                        new Update().set(Outbox.FIELD + ".$.json", scrubbed), collection).getModifiedCount();
            }
        }
        return changed;
    }

    /** The envelope's JSON with the payload's personal fields blanked (unchanged when it has none). */
    static String scrub(String envelopeJson) {
        JsonNode envelope = JSON.readTree(envelopeJson);
        JsonNode payload = envelope.get("payload");
        if (payload == null || !payload.isObject()) {
            return envelopeJson;
        }
        return blank(payload) ? JSON.writeValueAsString(envelope) : envelopeJson;
    }

    private static boolean blank(JsonNode node) {
        boolean changed = false;
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String field : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(field);
                if ("candidate".equals(field) && value.isObject() && !isErased(value)) {
                    object.putObject("candidate").put("name", ERASED_NAME).putNull("email");
                    changed = true;
                } else if (NULLED.contains(field) && !value.isNull()) {
                    object.putNull(field);
                    changed = true;
                } else if ("answers".equals(field) && value.isArray()) {
                    for (JsonNode answer : value) {
                        if (answer.isObject() && answer.has("text") && !answer.get("text").isNull()) {
                            ((ObjectNode) answer).putNull("text");
                            changed = true;
                        }
                    }
                } else if (value.isContainer()) {
                    changed |= blank(value);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                changed |= blank(element);
            }
        }
        return changed;
    }

    private static boolean isErased(JsonNode candidate) {
        JsonNode email = candidate.get("email");
        return ERASED_NAME.equals(candidate.path("name").asString(null)) && (email == null || email.isNull());
    }
}
