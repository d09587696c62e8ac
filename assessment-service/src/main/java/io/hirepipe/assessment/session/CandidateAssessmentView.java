package io.hirepipe.assessment.session;

import io.swagger.v3.oas.annotations.media.Schema;
import io.hirepipe.assessment.privacy.PrivacyNotice;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.Session;

import java.time.Instant;

/**
 * What the candidate's landing page shows, before and after starting. Never a score.
 *
 * @param instructions  the test's instructions, if it has any
 * @param questionCount how many questions the candidate gets
 * @param contactEmail  whom the candidate asks about the assessment: the recruiter who gets the report
 * @param serverTime    the server's clock when answering, so the browser can correct its own
 * @param privacyNotice whom to ask about their data and how long it is kept; absent until the tenant set it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidateAssessmentView(
        @Schema(example = "inv_Wcj2Ks8Lq4Rt6Yb") String invitationId,
        @Schema(example = "Backend basics") String testTitle,
        @Schema(example = "Answer every question; you can go back until you submit.") String instructions,
        @Schema(example = "45") int durationMinutes,
        @Schema(example = "15") int extraTimeMinutes,
        @Schema(example = "10") int questionCount,
        InvitationStatus status,
        Instant expiresAt,
        @Schema(example = "rita@acme.example") String contactEmail,
        Instant serverTime,
        SessionSummary session,
        PrivacyNotice privacyNotice) {

    /**
     * Spring MVC logs bodies by toString at DEBUG; a record's would print the recruiter's email and the privacy
     * contact.
     */
    @Override
    public String toString() {
        return "CandidateAssessmentView[invitationId=" + invitationId + ", status=" + status + ", expiresAt="
                + expiresAt + ", session=" + session + ", contactEmail=[hidden], privacyNotice=" + privacyNotice
                + "]";
    }

    public record SessionSummary(@Schema(example = "ses_HJs7Pq2Xv9Lm4Nc") String sessionId,
                                 SessionStatus status,
                                 Instant startedAt,
                                 Instant deadline,
                                 @Schema(example = "1980") long remainingSeconds,
                                 @Schema(example = "10") int questionCount,
                                 @Schema(example = "9") int answeredCount) {
    }

    static CandidateAssessmentView of(Invitation invitation, Instant now, PrivacyNotice privacyNotice) {
        Session session = invitation.session();
        SessionSummary summary = null;
        if (session != null) {
            SessionStatus status = SessionStatus.of(invitation.status());
            summary = new SessionSummary(session.id(), status, session.startedAt(), session.deadline(),
                    SessionView.remainingSeconds(session, status, now), session.questions().size(),
                    session.answers().size());
        }
        int questionCount = session != null ? session.questions().size() : invitation.questionCount();
        return new CandidateAssessmentView(invitation.id(), invitation.testTitle(), invitation.instructions(),
                invitation.durationMinutes(), invitation.extraTimeMinutes(), questionCount, invitation.statusAt(now),
                invitation.expiresAt(), invitation.recruiterEmail(), now, summary, privacyNotice);
    }
}
