package io.hirepipe.scoring.result;

import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.defaults.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * The score of one closed session. The id is the session id, so a session has at most one result
 * and a redelivered submission cannot create a second. Inserted together with its AssessmentScored
 * event in {@code outbox}, which the relay empties once Kafka has it.
 *
 * @param submissionEventId the AssessmentSubmitted event this result was scored from
 */
@Document(ScoringResult.COLLECTION)
public record ScoringResult(
        @Id String sessionId,
        String tenantId,
        String invitationId,
        String testId,
        String testTitle,
        Candidate candidate,
        String recruiterEmail,
        int points,
        int maxPoints,
        double percent,
        int passMarkPercent,
        boolean passed,
        SubmitReason submitReason,
        Instant startedAt,
        Instant submittedAt,
        Instant scoredAt,
        List<Item> items,
        String submissionEventId,
        List<OutboxMessage> outbox) {

    public static final String COLLECTION = "results";

    public ScoringResult {
        items = items == null ? List.of() : List.copyOf(items);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    public record Candidate(String name, String email) {
    }

    /**
     * @param title the question's title as the candidate saw it; null in results scored from
     *              submissions that did not carry it (and in results stored before it was kept)
     */
    public record Item(String questionId, int questionVersion, QuestionKind kind, int points, int maxPoints,
                       List<String> matchedKeyPointIds, String title) {

        public Item {
            matchedKeyPointIds = matchedKeyPointIds == null ? List.of() : List.copyOf(matchedKeyPointIds);
        }
    }
}
