package io.hirepipe.scoring.privacy;

import io.hirepipe.contracts.events.CandidateErasureRequested;
import io.hirepipe.defaults.privacy.CandidateDataEraser;
import io.hirepipe.defaults.privacy.PendingEvents;
import io.hirepipe.scoring.result.ParkedSubmission;
import io.hirepipe.scoring.result.ScoringResult;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What this service holds of a candidate: results (name, email, the platform's reference, answer texts and
 * the evidence quoting them) and parked submissions (a whole submission as received).
 *
 * <p>Results are anonymised, not deleted, on erasure and at retention (anchor: {@code scoredAt}): points,
 * item statuses, picked option ids, times and integrity counts stay, so score distributions, percentiles
 * and item analysis still count them. Parked submissions are deleted (anchor: {@code parkedAt}).
 * Answer keys hold no candidate data; dead-letter replay claims hold ids only. On erasure, events still
 * waiting in a result's outbox are blanked too ({@link PendingEvents}); a submission of an erased candidate
 * that arrives later is not scored (the submission listener drops it).
 */
@Component
class ScoringCandidateData implements CandidateDataEraser {

    static final String ANONYMISED_AT = "anonymisedAt";
    /** The erasure that anonymised the result (none for retention), so a re-run of that request counts it again. */
    static final String ERASURE_ID = "erasureId";
    /** The count of waiting outbox events whose personal data was blanked. */
    static final String PENDING_EVENTS = "pending_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    ScoringCandidateData(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Map<String, Long> erase(String tenantId, CandidateErasureRequested request) {
        Criteria candidates = new Criteria().orOperator(Criteria.where("_id").in(request.sessionIds()),
                Criteria.where("invitationId").in(request.invitationIds()));
        anonymise(tenantId, candidates, request.erasureId());
        // what this request anonymised, whether in this run or in one that stopped before it could answer
        long results = mongo.count(Query.query(new Criteria().andOperator(Criteria.where("tenantId").is(tenantId),
                candidates, Criteria.where(ERASURE_ID).is(request.erasureId()))), ScoringResult.class);
        // AssessmentScored events still waiting in a result's outbox carry the name until the relay sends them
        long pending = PendingEvents.scrub(mongo, ScoringResult.COLLECTION,
                Query.query(new Criteria().andOperator(Criteria.where("tenantId").is(tenantId), candidates)));
        long parked = request.sessionIds().isEmpty() ? 0 : mongo.remove(Query.query(Criteria.where("tenantId").is(tenantId)
                .and("_id").in(request.sessionIds())), ParkedSubmission.class).getDeletedCount();
        return Map.of(ScoringResult.COLLECTION, results, ParkedSubmission.COLLECTION, parked,
                PENDING_EVENTS, pending);
    }

    @Override
    public Map<String, Long> removeExpired(String tenantId, Instant cutoff) {
        long results = anonymise(tenantId, Criteria.where("scoredAt").lt(cutoff), null);
        long parked = mongo.remove(Query.query(Criteria.where("tenantId").is(tenantId).and("parkedAt").lt(cutoff)),
                ParkedSubmission.class).getDeletedCount();
        return Map.of(ScoringResult.COLLECTION, results, ParkedSubmission.COLLECTION, parked);
    }

    /** Each result once (a repeat finds it anonymised); a concurrent review wins and the result is tried again. */
    private long anonymise(String tenantId, Criteria which, String erasureId) {
        Query query = Query.query(new Criteria().andOperator(Criteria.where("tenantId").is(tenantId), which,
                Criteria.where(ANONYMISED_AT).exists(false)));
        long changed = 0;
        for (ScoringResult result : mongo.find(query, ScoringResult.class)) {
            for (int attempt = 0; attempt < 3 && result != null; attempt++) {
                if (anonymise(result, erasureId)) {
                    changed++;
                    // copies of its events the relay set aside (Kafka could never take them) name the candidate too
                    PendingEvents.scrubParked(mongo, ScoringResult.COLLECTION, List.of(result.sessionId()));
                    break;
                }
                result = mongo.findOne(Query.query(Criteria.where("_id").is(result.sessionId())
                        .and(ANONYMISED_AT).exists(false)), ScoringResult.class);
            }
        }
        return changed;
    }

    private boolean anonymise(ScoringResult result, String erasureId) {
        Criteria sameRevision = result.revision() == 0
                ? new Criteria().orOperator(Criteria.where("revision").exists(false), Criteria.where("revision").is(0L))
                : Criteria.where("revision").is(result.revision());
        Query unchanged = Query.query(new Criteria().andOperator(Criteria.where("_id").is(result.sessionId()),
                sameRevision, Criteria.where(ANONYMISED_AT).exists(false)));
        Update update = new Update()
                .set("candidate", new ScoringResult.Candidate(ScoringResult.ERASED_NAME, null))
                .unset("externalReference")
                .set("items", result.itemsWithoutAnswers())
                .set(ANONYMISED_AT, clock.instant())
                .inc("revision", 1);
        if (erasureId != null) {
            update.set(ERASURE_ID, erasureId);
        }
        return mongo.updateFirst(unchanged, update, ScoringResult.class).getModifiedCount() == 1;
    }
}
