package io.hirepipe.notification.delivery;

/** Which email a delivery is: part of its idempotency key, with the event and the recipient. */
public enum DeliveryKind {
    /** The candidate's invitation with their personal link, from InvitationCreated. */
    CANDIDATE_INVITATION,
    /** The recruiter's report of a scored session, from AssessmentScored. */
    RECRUITER_SCORE_REPORT
}
