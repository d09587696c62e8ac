package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.InvitationStatus;

/** A session as the candidate sees it. */
public enum SessionStatus {
    ACTIVE, SUBMITTED, SCORED;

    static SessionStatus of(InvitationStatus status) {
        return switch (status) {
            case STARTED -> ACTIVE;
            case SCORED -> SCORED;
            default -> SUBMITTED;
        };
    }
}
