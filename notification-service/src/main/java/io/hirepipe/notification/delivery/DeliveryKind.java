package io.hirepipe.notification.delivery;

/** Which email a delivery is: part of its idempotency key, with the event and the recipient. */
public enum DeliveryKind {
    /** The candidate's invitation with their personal link, from InvitationCreated. */
    CANDIDATE_INVITATION(true),
    /** The candidate's invitation again with a new link, from InvitationResent. */
    CANDIDATE_INVITATION_RESENT(true),
    /** The candidate's receipt of a submission (what was received and when, never a score), from AssessmentSubmitted. */
    CANDIDATE_SUBMISSION_RECEIPT(true),
    /** The recruiter's report of a scored session, from AssessmentScored. */
    RECRUITER_SCORE_REPORT(false),
    /** The recruiter's notice that a reviewer changed an item's points, from ScoreAdjusted. */
    RECRUITER_SCORE_ADJUSTED(false),
    /** The recruiter's notice that a provisional result became final, from AssessmentFinalized. */
    RECRUITER_SCORE_FINAL(false),
    /** The recruiter's notice that a webhook subscription was disabled (410, or failing for days). */
    RECRUITER_WEBHOOK_DISABLED(false),
    /** A person invited to a tenant's team: their set-password link, asked for by the gateway. */
    USER_INVITE(false),
    /** A person's password reset link, asked for by the gateway. */
    PASSWORD_RESET(false);

    private final boolean toCandidate;

    DeliveryKind(boolean toCandidate) {
        this.toCandidate = toCandidate;
    }

    /** Sent to the candidate's own address, so the address is theirs to have erased. */
    public boolean toCandidate() {
        return toCandidate;
    }
}
