package io.hirepipe.assessment.invitation;

public enum InvitationStatus {
    /** Created, link sent, not started yet. */
    INVITED,
    /** The candidate started; the session is active. */
    STARTED,
    /** The session closed (candidate submit or deadline); scoring is under way. */
    SUBMITTED,
    /** scoring-service reported the result. */
    SCORED,
    /** Withdrawn by the recruiter before the candidate started. */
    REVOKED,
    /** Not started by its expiry. Derived at read time, never stored. */
    EXPIRED
}
