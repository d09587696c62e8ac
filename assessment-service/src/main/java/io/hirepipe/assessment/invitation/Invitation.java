package io.hirepipe.assessment.invitation;

import io.hirepipe.contracts.events.Person;
import io.hirepipe.defaults.outbox.OutboxMessage;
import io.hirepipe.defaults.problem.ProblemException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One invitation and, once the candidate starts, its session: the aggregate every state change of
 * this service happens to. Invitation and session are one-to-one and their rules cross (a revoke
 * must not race a start, a start must not outlive a revoke), so keeping them in one document lets
 * each change and the event it implies be a single atomic MongoDB write, with no transactions.
 *
 * @param tokenHash  SHA-256 of the candidate's access token; the token itself is never stored
 * @param status     the stored lifecycle state; {@link InvitationStatus#EXPIRED} is derived, see {@link #statusAt}
 * @param revision   bumped by every change a candidate can see; orders the Redis copies
 * @param session    null until the candidate starts
 * @param integrity  signals the candidate's browser reported; never shown to the candidate
 * @param outbox     events written with the change that implies them, see {@link io.hirepipe.defaults.outbox.Outbox}
 * @param instructions  the test's instructions for the candidate, copied at invitation time
 * @param questionCount how many questions the test delivers, for the candidate's welcome page
 * @param lateSaves     answer saves refused because they arrived after the deadline and its grace
 * @param externalReference the platform client's own id for this invitation (an ATS application id), if given
 * @param activeKey     tenant, test and normalised candidate email while the invitation is active (not ended);
 *                      a unique sparse index on it makes "one active invitation per candidate and test" hold
 *                      under concurrent creates. Removed when the invitation ends (revoked, submitted, expired).
 * @param partner       the ATS partner that sent it (Greenhouse) and the final result it was last announced; null for
 *                      an invitation no partner sent
 */
@Document(Invitation.COLLECTION)
public record Invitation(
        @Id String id,
        String tenantId,
        String tokenHash,
        String testId,
        String testTitle,
        int durationMinutes,
        int passMarkPercent,
        Person candidate,
        String recruiterEmail,
        int extraTimeMinutes,
        Instant expiresAt,
        Instant createdAt,
        String createdBy,
        InvitationStatus status,
        long revision,
        Revocation revocation,
        Session session,
        Score score,
        Integrity integrity,
        List<OutboxMessage> outbox,
        String instructions,
        int questionCount,
        int lateSaves,
        String externalReference,
        String activeKey,
        PartnerLink partner) {

    public static final String COLLECTION = "invitations";

    /**
     * How MongoDB documents become invitations: documents written before a field existed, or whose
     * counters only ever grew by {@code $inc}, lack it, and a missing number reads as zero.
     */
    @PersistenceCreator
    Invitation(String id, String tenantId, String tokenHash, String testId, String testTitle, int durationMinutes,
               int passMarkPercent, Person candidate, String recruiterEmail, int extraTimeMinutes, Instant expiresAt,
               Instant createdAt, String createdBy, InvitationStatus status, long revision, Revocation revocation,
               Session session, Score score, Integrity integrity, List<OutboxMessage> outbox, String instructions,
               Integer questionCount, Integer lateSaves, String externalReference, String activeKey,
               PartnerLink partner) {
        this(id, tenantId, tokenHash, testId, testTitle, durationMinutes, passMarkPercent, candidate, recruiterEmail,
                extraTimeMinutes, expiresAt, createdAt, createdBy, status, revision, revocation, session, score,
                integrity, outbox, instructions, questionCount == null ? 0 : questionCount,
                lateSaves == null ? 0 : lateSaves, externalReference, activeKey, partner);
    }

    /** An invitation without instructions, question count or late saves (as stored before they existed). */
    public Invitation(String id, String tenantId, String tokenHash, String testId, String testTitle,
                      int durationMinutes, int passMarkPercent, Person candidate, String recruiterEmail,
                      int extraTimeMinutes, Instant expiresAt, Instant createdAt, String createdBy,
                      InvitationStatus status, long revision, Revocation revocation, Session session, Score score,
                      Integrity integrity, List<OutboxMessage> outbox) {
        this(id, tenantId, tokenHash, testId, testTitle, durationMinutes, passMarkPercent, candidate, recruiterEmail,
                extraTimeMinutes, expiresAt, createdAt, createdBy, status, revision, revocation, session, score,
                integrity, outbox, null, 0, 0, null, null, null);
    }

    /** What a recruiter or candidate sees now: an invitation not started by its expiry has expired. */
    public InvitationStatus statusAt(Instant now) {
        if (status == InvitationStatus.INVITED && !now.isBefore(expiresAt)) {
            return InvitationStatus.EXPIRED;
        }
        return status;
    }

    public boolean started() {
        return session != null;
    }

    /**
     * Whether this candidate's personal data was erased: the erasure keeps the invitation (ids, test, status, score)
     * under the name "Erased candidate" without an email, and no other invitation is ever without one.
     */
    public boolean candidateErased() {
        return candidate != null && candidate.email() == null;
    }

    /** 409 for a recruiter action that would give an erased candidate's invitation new life (a link, a session). */
    public static ProblemException candidateErasedConflict(String invitationId, String action) {
        return ProblemException.conflict("candidate-erased", "The candidate of invitation '" + invitationId
                + "' was erased; their invitation cannot be " + action + ". Invite them anew if they apply again.");
    }

    /**
     * This invitation after the write {@code SessionStore.saveAnswerAt} makes: the answer stored and the revision
     * bumped. Equal to what MongoDB then holds in every field that write or a revision covers, so it can stand in
     * for reading the document back.
     */
    public Invitation withAnswer(String questionId, Answer answer) {
        if (session == null) {
            throw new IllegalStateException("Invitation " + id + " has no session to answer in");
        }
        return new Invitation(id, tenantId, tokenHash, testId, testTitle, durationMinutes, passMarkPercent, candidate,
                recruiterEmail, extraTimeMinutes, expiresAt, createdAt, createdBy, status, revision + 1, revocation,
                session.withAnswer(questionId, answer), score, integrity, outbox, instructions, questionCount, lateSaves,
                externalReference, activeKey, partner);
    }

    /**
     * This invitation after the write {@code SessionStore.startAt} makes: STARTED with {@code session} and the test's
     * title, duration and pass mark, the revision bumped. Like {@link #withAnswer}, it stands in for reading the
     * document back.
     */
    public Invitation withStart(Session session, String testTitle, int durationMinutes, int passMarkPercent) {
        return new Invitation(id, tenantId, tokenHash, testId, testTitle, durationMinutes, passMarkPercent, candidate,
                recruiterEmail, extraTimeMinutes, expiresAt, createdAt, createdBy, InvitationStatus.STARTED,
                revision + 1, revocation, session, score, integrity, outbox, instructions, questionCount, lateSaves,
                externalReference, activeKey, partner);
    }

    /** The part candidate requests read, as cached in Redis: no token hash, score, signals, outbox or partner. */
    public Invitation candidateVisible() {
        return new Invitation(id, tenantId, null, testId, testTitle, durationMinutes, passMarkPercent, candidate,
                recruiterEmail, extraTimeMinutes, expiresAt, createdAt, createdBy, status, revision, revocation,
                session, null, null, null, instructions, questionCount, lateSaves, externalReference, null, null);
    }
}
