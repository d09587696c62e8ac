package io.hirepipe.assessment.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.Session;

import java.time.Instant;

/** What the candidate's landing page shows, before and after starting. Never a score. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidateAssessmentView(
        String invitationId,
        String testTitle,
        int durationMinutes,
        int extraTimeMinutes,
        InvitationStatus status,
        Instant expiresAt,
        SessionSummary session) {

    public record SessionSummary(String sessionId, SessionStatus status, Instant startedAt, Instant deadline,
                                 long remainingSeconds, int questionCount, int answeredCount) {
    }

    static CandidateAssessmentView of(Invitation invitation, Instant now) {
        Session session = invitation.session();
        SessionSummary summary = null;
        if (session != null) {
            SessionStatus status = SessionStatus.of(invitation.status());
            summary = new SessionSummary(session.id(), status, session.startedAt(), session.deadline(),
                    SessionView.remainingSeconds(session, status, now), session.questions().size(),
                    session.answers().size());
        }
        return new CandidateAssessmentView(invitation.id(), invitation.testTitle(), invitation.durationMinutes(),
                invitation.extraTimeMinutes(), invitation.statusAt(now), invitation.expiresAt(), summary);
    }
}
