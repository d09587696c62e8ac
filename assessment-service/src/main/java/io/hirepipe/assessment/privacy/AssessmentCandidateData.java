package io.hirepipe.assessment.privacy;

import io.hirepipe.assessment.idempotency.IdempotentRequests;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.InvitationStore;
import io.hirepipe.assessment.invitation.Revocation;
import io.hirepipe.assessment.session.SessionCache;
import io.hirepipe.contracts.events.CandidateErasureRequested;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.defaults.privacy.CandidateDataEraser;
import io.hirepipe.defaults.privacy.PendingEvents;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.hirepipe.assessment.invitation.InvitationFields.ACTIVE_KEY;
import static io.hirepipe.assessment.invitation.InvitationFields.EXPIRES_AT;
import static io.hirepipe.assessment.invitation.InvitationFields.EXPIRY_PENDING;
import static io.hirepipe.assessment.invitation.InvitationFields.EXTERNAL_REFERENCE;
import static io.hirepipe.assessment.invitation.InvitationFields.ID;
import static io.hirepipe.assessment.invitation.InvitationFields.OPEN_SESSION;
import static io.hirepipe.assessment.invitation.InvitationFields.OUTBOX;
import static io.hirepipe.assessment.invitation.InvitationFields.REVISION;
import static io.hirepipe.assessment.invitation.InvitationFields.REVOCATION;
import static io.hirepipe.assessment.invitation.InvitationFields.SCORE;
import static io.hirepipe.assessment.invitation.InvitationFields.SESSION_ANSWERS;
import static io.hirepipe.assessment.invitation.InvitationFields.STATUS;
import static io.hirepipe.assessment.invitation.InvitationFields.SUBMITTED_AT;
import static io.hirepipe.assessment.invitation.InvitationFields.TENANT;

/**
 * What this service holds of a candidate: the invitation document (name, email, answers, the
 * platform's reference) and its Redis copy.
 *
 * <ul>
 *   <li>Erasure anonymises the invitation in place: name and email replaced, answers emptied, reference
 *       and active key removed; an invitation still open is revoked so the link stops working. The
 *       invitation's ids, test, status and score stay, so counts and the erasure record still add up.
 *       Events still waiting in its outbox are blanked ({@link PendingEvents}) and kept responses of
 *       idempotent requests naming it are blanked ({@link IdempotentRequests#forgetResponsesNaming}).</li>
 *   <li>Retention deletes the invitation outright once its anchor is past: the scoring time, or for an
 *       invitation that never got a score, when it ended (revoked, expired unstarted, submitted).</li>
 * </ul>
 */
@Component
class AssessmentCandidateData implements CandidateDataEraser {

    static final String ERASED_NAME = "Erased candidate";
    static final String ERASED_AT = "erasedAt";
    /** The erasure that anonymised the invitation, so a re-run of that request counts it again. */
    static final String ERASURE_ID = "erasureId";
    /** Counts of waiting outbox events blanked and of kept idempotent responses blanked. */
    static final String PENDING_EVENTS = "pending_events";
    static final String IDEMPOTENCY_KEYS = "idempotency_keys";
    /** Count of events set aside in outbox_parked whose personal data retention blanked. */
    static final String PARKED_EVENTS = "parked_events";

    private final MongoTemplate mongo;
    private final InvitationStore invitations;
    private final SessionCache cache;
    private final IdempotentRequests idempotency;
    private final Clock clock;

    AssessmentCandidateData(MongoTemplate mongo, InvitationStore invitations, SessionCache cache,
                            IdempotentRequests idempotency, Clock clock) {
        this.mongo = mongo;
        this.invitations = invitations;
        this.cache = cache;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public Map<String, Long> erase(String tenantId, CandidateErasureRequested request) {
        Instant now = clock.instant();
        for (String invitationId : request.invitationIds()) {
            Criteria notYetErased = Criteria.where(ID).is(invitationId).and(TENANT).is(tenantId).and(ERASED_AT).exists(false);
            Update anonymise = new Update()
                    .set("candidate", new Person(ERASED_NAME, null))
                    .unset(ACTIVE_KEY)
                    .unset(EXTERNAL_REFERENCE)
                    .set(ERASED_AT, now)
                    .set(ERASURE_ID, request.erasureId())
                    .inc(REVISION, 1);
            if (mongo.updateFirst(Query.query(notYetErased), anonymise, Invitation.class).getModifiedCount() == 0) {
                continue;
            }
            // answers only where a session exists (setting them on an unstarted one would invent a session)
            mongo.updateFirst(Query.query(Criteria.where(ID).is(invitationId).and(TENANT).is(tenantId)
                    .and("session").ne(null)), new Update().set(SESSION_ANSWERS, Map.of()).inc(REVISION, 1), Invitation.class);
            mongo.updateFirst(Query.query(Criteria.where(ID).is(invitationId).and(TENANT).is(tenantId)
                            .and(STATUS).in(InvitationStatus.INVITED, InvitationStatus.STARTED)),
                    new Update().set(STATUS, InvitationStatus.REVOKED).unset(OPEN_SESSION).unset(EXPIRY_PENDING)
                            .set(REVOCATION, new Revocation("candidate data erased", now, "privacy"))
                            // a change a write made by revision (autosave, start) must notice
                            .inc(REVISION, 1),
                    Invitation.class);
            // The erased copy replaces the hot one rather than deleting it: Redis keeps a copy only if it is newer, and
            // the erased one is the newest, so an autosave that read the session before the erasure cannot put the
            // candidate's answers back when it refreshes the copy a moment after (a delete would let it). An invitation
            // with no session never had a copy.
            invitations.find(tenantId, invitationId).ifPresent(cache::refresh);
        }
        // what this request erased, whether in this run or in one that stopped before it could answer
        long erased = request.invitationIds().isEmpty() ? 0 : mongo.count(Query.query(Criteria.where(TENANT).is(tenantId)
                .and("_id").in(request.invitationIds()).and(ERASURE_ID).is(request.erasureId())), Invitation.COLLECTION);
        // events still waiting in an invitation's outbox (InvitationCreated, AssessmentSubmitted...) and kept
        // responses of idempotent requests hold the name, email, answers or link: already-erased ones too
        // (raw documents: "_id", not the mapped "id")
        long pending = PendingEvents.scrub(mongo, Invitation.COLLECTION, Query.query(Criteria.where(TENANT).is(tenantId)
                .and("_id").in(request.invitationIds())));
        long responses = idempotency.forgetResponsesNaming(tenantId, request.invitationIds());
        return Map.of(Invitation.COLLECTION, erased, PENDING_EVENTS, pending, IDEMPOTENCY_KEYS, responses);
    }

    @Override
    public Map<String, Long> removeExpired(String tenantId, Instant cutoff) {
        Criteria ended = new Criteria().orOperator(
                Criteria.where(SCORE + ".scoredAt").lt(cutoff),
                Criteria.where(STATUS).is(InvitationStatus.REVOKED).and(REVOCATION + ".revokedAt").lt(cutoff),
                Criteria.where(STATUS).is(InvitationStatus.INVITED).and(EXPIRES_AT).lt(cutoff),
                Criteria.where(STATUS).is(InvitationStatus.SUBMITTED).and(SUBMITTED_AT).lt(cutoff));
        // events still waiting in the outbox are delivered first; the next run takes the invitation
        Criteria nothingToRelay = new Criteria().orOperator(Criteria.where(OUTBOX).exists(false),
                Criteria.where(OUTBOX).size(0));
        Query expired = Query.query(new Criteria().andOperator(Criteria.where(TENANT).is(tenantId), ended, nothingToRelay));
        expired.fields().include("_id");
        List<String> ids = mongo.find(expired, Document.class, Invitation.COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
        for (String id : ids) {
            cache.evict(tenantId, id);
        }
        // the same conditions again: an invitation that changed since it was read stays
        long removed = ids.isEmpty() ? 0 : mongo.remove(Query.query(new Criteria().andOperator(
                Criteria.where(TENANT).is(tenantId), Criteria.where(ID).in(ids), ended, nothingToRelay)),
                Invitation.class).getDeletedCount();
        // copies of their events the relay set aside (Kafka could never take them) are as old: blanked too
        long parked = PendingEvents.scrubParked(mongo, Invitation.COLLECTION, ids);
        return Map.of(Invitation.COLLECTION, removed, PARKED_EVENTS, parked);
    }
}
