package io.hirepipe.defaults.privacy;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.CandidateErasureCompleted;
import io.hirepipe.defaults.outbox.Outbox;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Map;

/**
 * This service's answers to erasure requests, one document per request in {@value #COLLECTION}
 * ({@code _id} = erasure id): started before the erasure runs, then given the counts and the
 * {@code CandidateErasureCompleted} in one update, which the outbox relay publishes. A redelivered request
 * whose answer is written changes nothing: the first counts stand and its answer is already on its way.
 * The collection must be in {@code hirepipe.outbox.collections}.
 */
public class ErasureAnswers {

    public static final String COLLECTION = "privacy_erasure_answers";

    enum State { ERASING, ANSWERED }

    private final MongoTemplate mongo;

    public ErasureAnswers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Opens the request's answer; false when it was answered already (a redelivery). */
    boolean begin(String tenantId, String erasureId, Instant now) {
        try {
            mongo.insert(new Document("_id", erasureId).append("tenantId", tenantId)
                    .append("state", State.ERASING.name()).append("startedAt", now), COLLECTION);
            return true;
        } catch (DuplicateKeyException seenBefore) {
            // an earlier delivery that stopped before answering erases again; one that answered is done
            Document earlier = mongo.findById(erasureId, Document.class, COLLECTION);
            return earlier == null || !State.ANSWERED.name().equals(earlier.getString("state"));
        }
    }

    /** Keeps the counts and queues the answer, once: a concurrent duplicate that answered first wins. */
    boolean answer(EventEnvelope<CandidateErasureCompleted> answer) {
        CandidateErasureCompleted completion = answer.payload();
        Update update = new Update().set("state", State.ANSWERED.name())
                .set("removedCounts", completion.removedCounts())
                .set("answeredAt", completion.completedAt());
        Outbox.append(update, answer);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(completion.erasureId())
                .and("tenantId").is(answer.tenantId()).and("state").is(State.ERASING.name())), update, COLLECTION)
                .getModifiedCount() == 1;
    }

    /** What this service reported for the erasure, if it answered. */
    public Map<String, Long> reportedCounts(String erasureId) {
        Document answer = mongo.findById(erasureId, Document.class, COLLECTION);
        if (answer == null || answer.get("removedCounts") == null) {
            return null;
        }
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        answer.get("removedCounts", Document.class).forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
        return counts;
    }
}
