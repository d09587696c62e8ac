package io.hirepipe.assessment.invitation;

/** Property paths of {@link Invitation} used in queries and updates, in one place. */
public final class InvitationFields {

    public static final String ID = "id";
    public static final String TENANT = "tenantId";
    public static final String TOKEN_HASH = "tokenHash";
    public static final String STATUS = "status";
    public static final String REVISION = "revision";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String CREATED_AT = "createdAt";
    public static final String TEST_TITLE = "testTitle";
    public static final String DURATION = "durationMinutes";
    public static final String PASS_MARK = "passMarkPercent";
    public static final String REVOCATION = "revocation";
    public static final String SESSION = "session";
    public static final String SESSION_ID = "session.id";
    public static final String SESSION_QUESTIONS = "session.questions";
    public static final String SESSION_ANSWERS = "session.answers";
    public static final String DEADLINE = "session.deadline";
    public static final String SUBMITTED_AT = "session.submittedAt";
    public static final String SUBMIT_REASON = "session.submitReason";
    public static final String SCORE = "score";
    public static final String SCORE_EVENT = "score.eventId";
    public static final String INTEGRITY_RECORDED = "integrity.recorded";
    public static final String INTEGRITY_DROPPED = "integrity.dropped";
    public static final String INTEGRITY_SIGNALS = "integrity.signals";
    public static final String OUTBOX = "outbox";
    /** See {@link Invitation#partner()}. */
    public static final String PARTNER = "partner";
    public static final String EXTRA_TIME = "extraTimeMinutes";
    public static final String LATE_SAVES = "lateSaves";
    public static final String EXTERNAL_REFERENCE = "externalReference";
    public static final String TEST_ID = "testId";
    /** Present only while the invitation is active; see {@link Invitation#activeKey()}. */
    public static final String ACTIVE_KEY = "activeKey";
    public static final String EXPIRY_ANNOUNCED_AT = "expiryAnnouncedAt";
    /**
     * {@code true}, present only while an unstarted invitation's expiry is still to be announced (set when it is
     * created or extended, removed when the expiry is announced, or it is started or revoked): the invitation
     * expiry sweep asks only for invitations that have it, for the reason {@link #OPEN_SESSION} gives.
     */
    public static final String EXPIRY_PENDING = "expiryPending";
    /**
     * {@code true}, present only while the session runs (set with STARTED, removed when it ends): the expiry sweep
     * asks only for invitations that have it. MongoDB answers the sweep from its status/deadline index either way;
     * the local stack's server indexes nothing but {@code _id} and unique keys, and reads only the documents that
     * have a field a query requires to exist, so the sweep reads the running sessions instead of every invitation.
     */
    public static final String OPEN_SESSION = "openSession";

    private InvitationFields() {
    }

    /** The answer of one question; the id was checked to be a safe field name when the session froze. */
    public static String answer(String questionId) {
        return SESSION_ANSWERS + "." + questionId;
    }

    public static String integrityCount(SignalType type) {
        return "integrity.counts." + type.name();
    }
}
