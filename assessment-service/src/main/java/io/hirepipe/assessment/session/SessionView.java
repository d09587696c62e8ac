package io.hirepipe.assessment.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hirepipe.assessment.invitation.Answer;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.QuestionSnapshot;
import io.hirepipe.assessment.invitation.Session;
import io.hirepipe.contracts.events.SubmitReason;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The candidate's session: the frozen questions (no keys) and the latest saved answers, each with
 * its sequence, so a second device continues above it.
 *
 * @param serverTime    the server's clock when answering, so the browser can correct its own
 * @param maxTextLength the longest free-text answer a save accepts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(
        String sessionId,
        SessionStatus status,
        Instant startedAt,
        Instant deadline,
        long remainingSeconds,
        List<QuestionSnapshot> questions,
        Map<String, Answer> answers,
        Instant submittedAt,
        SubmitReason submitReason,
        Instant serverTime,
        int maxTextLength) {

    static SessionView of(Invitation invitation, Instant now) {
        Session session = invitation.session();
        SessionStatus status = SessionStatus.of(invitation.status());
        return new SessionView(session.id(), status, session.startedAt(), session.deadline(),
                remainingSeconds(session, status, now), session.questions(), session.answers(),
                session.submittedAt(), session.submitReason(), now, SaveAnswerRequest.MAX_TEXT);
    }

    static long remainingSeconds(Session session, SessionStatus status, Instant now) {
        if (status != SessionStatus.ACTIVE || !now.isBefore(session.deadline())) {
            return 0;
        }
        return Duration.between(now, session.deadline()).toSeconds();
    }
}
