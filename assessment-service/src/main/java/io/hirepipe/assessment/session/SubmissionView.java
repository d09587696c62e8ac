package io.hirepipe.assessment.session;

import io.swagger.v3.oas.annotations.media.Schema;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.Session;
import io.hirepipe.contracts.events.SubmitReason;

import java.time.Instant;

/** The outcome of submitting: the same on every repeat of the request. */
public record SubmissionView(@Schema(example = "ses_HJs7Pq2Xv9Lm4Nc") String sessionId,
                             SessionStatus status,
                             SubmitReason reason,
                             Instant submittedAt,
                             @Schema(example = "10") int questionCount, @Schema(example = "9") int answeredCount) {

    static SubmissionView of(Invitation invitation) {
        Session session = invitation.session();
        return new SubmissionView(session.id(), SessionStatus.of(invitation.status()), session.submitReason(),
                session.submittedAt(), session.questions().size(), session.answers().size());
    }
}
