package io.hirepipe.scoring.result;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.scoring.answerkey.AnswerKeyRef;
import jakarta.annotation.PostConstruct;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** The {@value ParkedSubmission#COLLECTION} collection. */
@Component
public class ParkedSubmissions {

    private final MongoTemplate mongo;
    private final Clock clock;

    public ParkedSubmissions(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(ParkedSubmission.class).createIndex(new Index()
                .on("tenantId", Sort.Direction.ASC)
                .on("waitingFor", Sort.Direction.ASC)
                .named("tenant_waiting_for"));
    }

    /**
     * Parks the submission, or updates what an already parked one of the same session waits for. The
     * first submission of a session stays the one parked, as the first one scored is the one kept.
     */
    public void park(EventEnvelope<AssessmentSubmitted> envelope, List<AnswerKeyRef> missing) {
        Update update = new Update()
                .setOnInsert("tenantId", envelope.tenantId())
                .setOnInsert("eventId", envelope.eventId())
                .setOnInsert("envelope", EventJson.toJson(envelope))
                .setOnInsert("parkedAt", clock.instant())
                .set("waitingFor", missing.stream().map(ParkedSubmissions::key).toList())
                .set("updatedAt", clock.instant());
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(envelope.payload().sessionId())
                    .and("eventId").is(envelope.eventId())), update, ParkedSubmission.class);
        } catch (DuplicateKeyException anotherSubmissionIsParked) {
            // the session's first submission waits already; it is the one that will be scored
        }
    }

    public void remove(String sessionId) {
        mongo.remove(Query.query(Criteria.where("_id").is(sessionId)), ParkedSubmission.class);
    }

    public List<ParkedSubmission> waitingFor(String tenantId, AnswerKeyRef ref) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("waitingFor").is(key(ref))),
                ParkedSubmission.class);
    }

    /** Oldest first, at most {@code limit}. */
    public List<ParkedSubmission> all(int limit) {
        return mongo.find(new Query().with(Sort.by("parkedAt", "_id")).limit(limit), ParkedSubmission.class);
    }

    /** The tenant's parked submissions, oldest first, without the stored event. */
    public List<ParkedSubmission> list(String tenantId, int limit) {
        Query query = Query.query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("parkedAt", "_id"))
                .limit(limit);
        query.fields().exclude("envelope");
        return mongo.find(query, ParkedSubmission.class);
    }

    static String key(AnswerKeyRef ref) {
        return ref.questionId() + ":" + ref.version();
    }
}
