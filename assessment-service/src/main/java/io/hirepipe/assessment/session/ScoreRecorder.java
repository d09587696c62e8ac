package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.Score;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.ScoreAdjusted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;


import static io.hirepipe.assessment.invitation.InvitationFields.INTEGRITY_SIGNALS;
import static io.hirepipe.assessment.invitation.InvitationFields.OUTBOX;
import static io.hirepipe.assessment.invitation.InvitationFields.REVISION;
import static io.hirepipe.assessment.invitation.InvitationFields.SCORE;
import static io.hirepipe.assessment.invitation.InvitationFields.SCORE_EVENT;
import static io.hirepipe.assessment.invitation.InvitationFields.SESSION_ID;
import static io.hirepipe.assessment.invitation.InvitationFields.STATUS;
import static io.hirepipe.assessment.invitation.InvitationFields.TENANT;
import static io.hirepipe.assessment.invitation.InvitationFields.TOKEN_HASH;
import static io.hirepipe.assessment.invitation.InvitationStore.byId;

/**
 * Applies scoring-service's results to sessions. Idempotent: the effect "session scored" exists once
 * per session, keyed by the session and the applied event id, so a redelivered event matches
 * nothing and changes nothing.
 */
@Component
public class ScoreRecorder {

    private static final Logger log = LoggerFactory.getLogger(ScoreRecorder.class);

    private final MongoTemplate mongo;
    private final SessionCache cache;

    ScoreRecorder(MongoTemplate mongo, SessionCache cache) {
        this.mongo = mongo;
        this.cache = cache;
    }

    public void scored(String tenantId, String eventId, AssessmentScored scored) {
        Query query = Query.query(byId(tenantId, scored.invitationId())
                .and(SESSION_ID).is(scored.sessionId())
                .and(STATUS).in(InvitationStatus.SUBMITTED, InvitationStatus.SCORED)
                .and(SCORE_EVENT).ne(eventId));
        Update update = new Update()
                .set(STATUS, InvitationStatus.SCORED)
                .set(SCORE, new Score(scored.points(), scored.maxPoints(), scored.percent(), scored.passed(),
                        scored.scoredAt(), eventId, scored.provisional(), scored.reviewCount(), null, null))
                .inc(REVISION, 1);
        apply(query, update, "AssessmentScored " + eventId + " for session " + scored.sessionId());
    }

    /**
     * A reviewer's adjustment carries the session's new totals. Applied only when newer than the last
     * one applied, so a redelivered or late adjustment never rolls the score back.
     */
    public void adjusted(String tenantId, String eventId, int schemaVersion, ScoreAdjusted adjusted) {
        Instant at = adjusted.adjustedAt() == null ? Instant.EPOCH : adjusted.adjustedAt();
        Query query = Query.query(session(tenantId, adjusted.invitationId(), adjusted.sessionId())
                .and(STATUS).is(InvitationStatus.SCORED)
                .orOperator(Criteria.where(SCORE + ".adjustedAt").exists(false),
                        Criteria.where(SCORE + ".adjustedAt").is(null),
                        Criteria.where(SCORE + ".adjustedAt").lt(at)));
        Update update = new Update()
                .set(SCORE + ".points", adjusted.points())
                .set(SCORE + ".maxPoints", adjusted.maxPoints())
                .set(SCORE + ".percent", adjusted.percent())
                .set(SCORE + ".passed", adjusted.passed())
                .set(SCORE + ".adjustedAt", at)
                .inc(REVISION, 1);
        // version 1 did not say whether the result is still provisional: leave what the invitation knows
        if (schemaVersion >= 2) {
            update.set(SCORE + ".provisional", adjusted.provisional())
                    .set(SCORE + ".reviewCount", adjusted.reviewCount());
        }
        apply(query, update, "ScoreAdjusted " + eventId + " for session " + adjusted.sessionId());
    }

    /** The result became final with these totals; applying it again sets the same values. */
    public void finalized(String tenantId, String eventId, AssessmentFinalized finalized) {
        Query query = Query.query(session(tenantId, finalized.invitationId(), finalized.sessionId())
                .and(STATUS).is(InvitationStatus.SCORED)
                .and(SCORE + ".finalizedAt").is(null));
        Update update = new Update()
                .set(SCORE + ".points", finalized.points())
                .set(SCORE + ".maxPoints", finalized.maxPoints())
                .set(SCORE + ".percent", finalized.percent())
                .set(SCORE + ".passed", finalized.passed())
                .set(SCORE + ".provisional", false)
                .set(SCORE + ".reviewCount", 0)
                .set(SCORE + ".finalizedAt", finalized.finalizedAt() == null ? Instant.EPOCH : finalized.finalizedAt())
                .inc(REVISION, 1);
        apply(query, update, "AssessmentFinalized " + eventId + " for session " + finalized.sessionId());
    }

    /**
     * The session's invitation, by its {@code _id} when the event names it (older producers did not): the session
     * id alone has no unique index, so the local stack's MongoDB would read every invitation to find it.
     */
    private static Criteria session(String tenantId, String invitationId, String sessionId) {
        Criteria invitation = invitationId != null ? byId(tenantId, invitationId) : Criteria.where(TENANT).is(tenantId);
        return invitation.and(SESSION_ID).is(sessionId);
    }

    private void apply(Query query, Update update, String what) {
        query.fields().exclude(TOKEN_HASH, OUTBOX, INTEGRITY_SIGNALS);
        Invitation updated = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                Invitation.class);
        if (updated == null) {
            // Already applied (a redelivery), or a session this service does not hold: nothing to do either way.
            log.info("{} changed nothing (already applied or unknown session)", what);
            return;
        }
        cache.refresh(updated);
    }
}
