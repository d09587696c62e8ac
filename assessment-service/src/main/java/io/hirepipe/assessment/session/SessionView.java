package io.hirepipe.assessment.session;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(example = "ses_HJs7Pq2Xv9Lm4Nc") String sessionId,
        SessionStatus status,
        Instant startedAt,
        Instant deadline,
        @Schema(example = "1980") long remainingSeconds,
        List<QuestionSnapshot> questions,
        @Schema(example = "{\"q_4GkR7wP2xYb9LmN3\": {\"selectedOptionIds\": [\"b\"], \"text\": null, \"sequence\": 7, \"savedAt\": \"2026-03-01T09:12:30Z\"}}") Map<String, Answer> answers,
        Instant submittedAt,
        SubmitReason submitReason,
        Instant serverTime,
        @Schema(example = "20000") int maxTextLength) {

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
