package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.Answer;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationFields;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.Session;
import io.hirepipe.assessment.invitation.Signal;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.defaults.outbox.Outbox;
import jakarta.annotation.PostConstruct;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.hirepipe.assessment.invitation.InvitationFields.DEADLINE;
import static io.hirepipe.assessment.invitation.InvitationFields.DURATION;
import static io.hirepipe.assessment.invitation.InvitationFields.EXPIRES_AT;
import static io.hirepipe.assessment.invitation.InvitationFields.EXTRA_TIME;
import static io.hirepipe.assessment.invitation.InvitationFields.LATE_SAVES;
import static io.hirepipe.assessment.invitation.InvitationFields.INTEGRITY_DROPPED;
import static io.hirepipe.assessment.invitation.InvitationFields.INTEGRITY_RECORDED;
import static io.hirepipe.assessment.invitation.InvitationFields.INTEGRITY_SIGNALS;
import static io.hirepipe.assessment.invitation.InvitationFields.OUTBOX;
import static io.hirepipe.assessment.invitation.InvitationFields.PASS_MARK;
import static io.hirepipe.assessment.invitation.InvitationFields.REVISION;
import static io.hirepipe.assessment.invitation.InvitationFields.SESSION;
import static io.hirepipe.assessment.invitation.InvitationFields.STATUS;
import static io.hirepipe.assessment.invitation.InvitationFields.SUBMITTED_AT;
import static io.hirepipe.assessment.invitation.InvitationFields.SUBMIT_REASON;
import static io.hirepipe.assessment.invitation.InvitationFields.TEST_TITLE;
import static io.hirepipe.assessment.invitation.InvitationFields.TOKEN_HASH;
import static io.hirepipe.assessment.invitation.InvitationFields.answer;
import static io.hirepipe.assessment.invitation.InvitationFields.integrityCount;
import static io.hirepipe.assessment.invitation.InvitationStore.byId;

/**
 * The session's writes. Each is one conditional single-document update: the condition encodes
 * the rule (still active, before the deadline, newer sequence, unchanged since read), so two
 * requests, or two service instances, can never both win, and an event rides in the same write as
 * the change that implies it.
 */
@Component
class SessionStore {

    private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

    private final MongoTemplate mongo;

    SessionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Marks sessions started by a version that did not mark running sessions ({@link InvitationFields#OPEN_SESSION}),
     * once at start-up, so the expiry sweep finds them.
     *
     * @return how many were marked
     */
    @PostConstruct
    long markRunningSessions() {
        return mongo.updateMulti(Query.query(Criteria.where(STATUS).is(InvitationStatus.STARTED)
                        .and(InvitationFields.OPEN_SESSION).exists(false)),
                new Update().set(InvitationFields.OPEN_SESSION, true), Invitation.class).getModifiedCount();
    }

    private static Update startOf(Session session, String testTitle, int durationMinutes, int passMarkPercent) {
        return new Update()
                .set(STATUS, InvitationStatus.STARTED)
                .set(InvitationFields.OPEN_SESSION, true)
                .unset(InvitationFields.EXPIRY_PENDING)
                .set(SESSION, session)
                .set(TEST_TITLE, testTitle)
                .set(DURATION, durationMinutes)
                .set(PASS_MARK, passMarkPercent)
                .inc(REVISION, 1);
    }

    /**
     * Stores the answer if the session is active, {@code acceptUntilDeadline} is not past its deadline
     * (the caller subtracts the grace), and no save with an equal or higher sequence is stored.
     */
    Optional<Invitation> saveAnswer(String tenantId, String invitationId, String questionId, Answer answer,
                                    Instant deadlineNotBefore) {
        String field = answer(questionId);
        Query query = Query.query(byId(tenantId, invitationId)
                .and(STATUS).is(InvitationStatus.STARTED)
                .and(DEADLINE).gte(deadlineNotBefore)
                .orOperator(Criteria.where(field).exists(false),
                        Criteria.where(field + ".sequence").lt(answer.sequence())));
        Update update = new Update().set(field, answer).inc(REVISION, 1);
        return modify(query, update);
    }

    /**
     * Stores the answer on the session exactly as it was at {@code revision}, which the caller has checked
     * (active, before its deadline and grace, an older or no answer to this question): every change to those
     * bumps the revision, so an unchanged revision means they still hold. The query is one lookup by _id.
     *
     * <p>A plain update, not a find-and-modify: the caller holds the document at {@code revision}, so it knows
     * the result ({@link Invitation#withAnswer}) without MongoDB sending the whole session back to be mapped again.
     *
     * @return false when the session changed since that revision was read
     */
    boolean saveAnswerAt(String tenantId, String invitationId, long revision, String questionId, Answer answer) {
        Query query = Query.query(byId(tenantId, invitationId).and(REVISION).is(revision));
        return mongo.updateFirst(query, new Update().set(answer(questionId), answer).inc(REVISION, 1), Invitation.class)
                .getMatchedCount() == 1;
    }

    /** Counts a refused late save; only the recruiter sees it, so the candidate's revision stays. */
    void countLateSave(String tenantId, String invitationId) {
        mongo.updateFirst(Query.query(byId(tenantId, invitationId)), new Update().inc(LATE_SAVES, 1), Invitation.class);
    }

    /**
     * INVITED and unexpired → STARTED with the frozen session, plus AssessmentStarted, for an invitation the caller
     * read at {@code revision} and found INVITED and unexpired: an unchanged revision means it still is, with the
     * extra time the caller's deadline includes (revocation, extension, extra time and start bump it).
     *
     * <p>A plain update, not a find-and-modify: the caller holds the invitation at {@code revision} and the session
     * it writes, so it knows the result ({@link Invitation#withStart}) without MongoDB sending the whole frozen
     * session back to be mapped again.
     *
     * @return false when the invitation changed since that revision was read
     */
    boolean startAt(String tenantId, String invitationId, long revision, Session session, String testTitle,
                    int durationMinutes, int passMarkPercent, EventEnvelope<?> started) {
        Query query = Query.query(byId(tenantId, invitationId).and(REVISION).is(revision));
        Update update = Outbox.append(startOf(session, testTitle, durationMinutes, passMarkPercent), started);
        return mongo.updateFirst(query, update, Invitation.class).getMatchedCount() == 1;
    }

    /**
     * Extra time for an invitation nobody started yet (the deadline is fixed only at start), only while it still has
     * {@code previousExtraTimeMinutes}: the audit written with it names the value it replaced.
     */
    Optional<Invitation> setExtraTimeBeforeStart(String tenantId, String invitationId, int previousExtraTimeMinutes,
                                                 int extraTimeMinutes, Instant now, EventEnvelope<?> audit) {
        Query query = Query.query(byId(tenantId, invitationId)
                .and(STATUS).is(InvitationStatus.INVITED)
                .and(EXPIRES_AT).gt(now)
                .and(EXTRA_TIME).is(previousExtraTimeMinutes));
        return modify(query, Outbox.append(new Update().set(EXTRA_TIME, extraTimeMinutes).inc(REVISION, 1), audit));
    }

    /**
     * Extra time for a running session: moves its deadline, only if nothing changed since
     * {@code revision} was read and the session was not closed meanwhile.
     */
    Optional<Invitation> moveDeadline(String tenantId, String invitationId, long revision, int extraTimeMinutes,
                                      Instant deadline, EventEnvelope<?> audit) {
        Query query = Query.query(byId(tenantId, invitationId)
                .and(STATUS).is(InvitationStatus.STARTED)
                .and(REVISION).is(revision));
        Update update = new Update().set(EXTRA_TIME, extraTimeMinutes).set(DEADLINE, deadline).inc(REVISION, 1);
        return modify(query, Outbox.append(update, audit));
    }

    /**
     * STARTED → SUBMITTED with AssessmentSubmitted, only if nothing changed since {@code revision}
     * was read: the event must carry exactly the answers the closed session holds.
     */
    Optional<Invitation> close(String tenantId, String invitationId, long revision, Instant submittedAt,
                               SubmitReason reason, EventEnvelope<?> submitted) {
        Query query = Query.query(byId(tenantId, invitationId)
                .and(STATUS).is(InvitationStatus.STARTED)
                .and(REVISION).is(revision));
        Update update = new Update()
                .set(STATUS, InvitationStatus.SUBMITTED)
                .set(SUBMITTED_AT, submittedAt)
                .set(SUBMIT_REASON, reason)
                // the session has ended: a retake is a new invitation
                .unset(InvitationFields.ACTIVE_KEY)
                .unset(InvitationFields.OPEN_SESSION)
                .inc(REVISION, 1);
        Outbox.append(update, submitted);
        return modify(query, update);
    }

    /**
     * SUBMITTED or SCORED → STARTED with a new deadline, every answer kept; the machine's score goes (a
     * new one follows the next submission). Only if nothing changed since {@code revision} was read.
     */
    Optional<Invitation> reopen(String tenantId, String invitationId, long revision, Instant deadline,
                                EventEnvelope<?> audit) {
        Query query = Query.query(byId(tenantId, invitationId)
                .and(STATUS).in(InvitationStatus.SUBMITTED, InvitationStatus.SCORED)
                .and(REVISION).is(revision));
        Update update = new Update()
                .set(STATUS, InvitationStatus.STARTED)
                .set(InvitationFields.OPEN_SESSION, true)
                .set(DEADLINE, deadline)
                .unset(SUBMITTED_AT)
                .unset(SUBMIT_REASON)
                .unset(InvitationFields.SCORE)
                .inc(REVISION, 1);
        return modify(query, Outbox.append(update, audit));
    }

    /**
     * Records a signal while the session is active; past the cap it is only counted. A signal already stored (same type,
     * time and question) is not recorded again: the browser sends a batch again when its answer was lost, and two
     * signals of one type at the same millisecond are the same one. Past the cap, where signals are no longer stored,
     * a batch sent again is counted again: recognising it would mean keeping what the cap exists to stop keeping.
     *
     * @return false when the session is not active
     */
    boolean recordSignal(String tenantId, String invitationId, Signal signal, int cap) {
        Criteria belowCap = new Criteria().orOperator(Criteria.where(INTEGRITY_RECORDED).exists(false),
                Criteria.where(INTEGRITY_RECORDED).lt(cap));
        Criteria notStoredYet = Criteria.where(INTEGRITY_SIGNALS).not().elemMatch(sameSignal(signal));
        Update record = new Update()
                .push(INTEGRITY_SIGNALS, signal)
                .inc(INTEGRITY_RECORDED, 1)
                .inc(integrityCount(signal.type()), 1);
        if (mongo.updateFirst(Query.query(active(tenantId, invitationId).andOperator(belowCap, notStoredYet)), record,
                Invitation.class).getMatchedCount() > 0) {
            return true;
        }
        if (mongo.exists(Query.query(active(tenantId, invitationId)
                .and(INTEGRITY_SIGNALS).elemMatch(sameSignal(signal))), Invitation.class)) {
            return true;
        }
        Update count = new Update().inc(INTEGRITY_DROPPED, 1).inc(integrityCount(signal.type()), 1);
        return mongo.updateFirst(Query.query(active(tenantId, invitationId)), count, Invitation.class)
                .getMatchedCount() > 0;
    }

    private static Criteria active(String tenantId, String invitationId) {
        return byId(tenantId, invitationId).and(STATUS).is(InvitationStatus.STARTED);
    }

    private static Criteria sameSignal(Signal signal) {
        return Criteria.where("type").is(signal.type().name()).and("at").is(signal.at())
                .and("questionId").is(signal.questionId());
    }

    /** Sessions started and not yet ended, across tenants: the running sessions, which alone hold {@code openSession}. */
    long countRunning() {
        return mongo.count(Query.query(running()), Invitation.class);
    }

    /**
     * Active sessions whose deadline is before {@code cutoff}, across tenants: the sweep is the
     * platform's own job, and every write it then makes names the session's tenant.
     */
    List<Invitation> overdue(Instant cutoff, int limit) {
        Query query = Query.query(running().and(DEADLINE).lt(cutoff))
                .with(Sort.by(Sort.Direction.ASC, DEADLINE))
                .limit(limit);
        return mongo.find(withoutPrivateParts(query), Invitation.class);
    }

    private static Criteria running() {
        return Criteria.where(InvitationFields.OPEN_SESSION).exists(true).and(STATUS).is(InvitationStatus.STARTED);
    }

    private Optional<Invitation> modify(Query query, Update update) {
        return Optional.ofNullable(mongo.findAndModify(withoutPrivateParts(query), update, RETURN_NEW,
                Invitation.class));
    }

    private static Query withoutPrivateParts(Query query) {
        query.fields().exclude(TOKEN_HASH, OUTBOX, INTEGRITY_SIGNALS);
        return query;
    }
}
