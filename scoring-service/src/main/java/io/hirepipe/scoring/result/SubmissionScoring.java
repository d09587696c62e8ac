package io.hirepipe.scoring.result;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.ItemScore;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.scoring.answerkey.AnswerKey;
import io.hirepipe.scoring.answerkey.AnswerKeyRef;
import io.hirepipe.scoring.answerkey.AnswerKeyStore;
import io.hirepipe.scoring.grading.GradedItem;
import io.hirepipe.scoring.grading.ScoreSheet;
import io.hirepipe.scoring.grading.SubmissionGrader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Turns one AssessmentSubmitted into one stored result and one AssessmentScored event, exactly once per session. */
@Service
public class SubmissionScoring {

    private static final Logger log = LoggerFactory.getLogger(SubmissionScoring.class);

    private final AnswerKeyStore answerKeys;
    private final SubmissionGrader grader;
    private final ResultStore results;
    private final Clock clock;
    private final Counter scored;
    private final Counter awaitingAnswerKeys;

    public SubmissionScoring(AnswerKeyStore answerKeys, SubmissionGrader grader, ResultStore results, Clock clock,
                             MeterRegistry meters) {
        this.answerKeys = answerKeys;
        this.grader = grader;
        this.results = results;
        this.clock = clock;
        this.scored = Counter.builder("hirepipe.scoring.results")
                .description("Sessions scored").register(meters);
        this.awaitingAnswerKeys = Counter.builder("hirepipe.scoring.awaiting.answer.keys")
                .description("Scoring attempts put off because a question version was not known yet")
                .register(meters);
    }

    /**
     * @return true when this call stored the result, false when the session was already scored
     * @throws AnswerKeysNotYetKnownException when a referenced question version is not known yet
     */
    public boolean score(EventEnvelope<AssessmentSubmitted> envelope) {
        AssessmentSubmitted submission = envelope.payload();
        if (results.exists(submission.sessionId())) {
            log.info("Session {} already scored; ignoring redelivered submission {}", submission.sessionId(),
                    envelope.eventId());
            return false;
        }
        List<AnswerKeyRef> refs = SubmissionGrader.refsOf(submission);
        Map<AnswerKeyRef, AnswerKey> keys = answerKeys.find(envelope.tenantId(), refs);
        List<AnswerKeyRef> missing = refs.stream().filter(ref -> !keys.containsKey(ref)).toList();
        if (!missing.isEmpty()) {
            awaitingAnswerKeys.increment();
            throw new AnswerKeysNotYetKnownException(submission.sessionId(), missing);
        }
        ScoreSheet sheet = grader.grade(submission, keys);
        Instant scoredAt = clock.instant();
        EventEnvelope<AssessmentScored> event = EventEnvelope.of(scoredEvent(submission, sheet, scoredAt),
                envelope.tenantId(), CorrelationId.currentOrNew(), scoredAt);
        boolean inserted = results.insert(result(envelope, sheet, scoredAt, event));
        if (inserted) {
            scored.increment();
            log.info("Session {} scored {}/{} ({}%, {})", submission.sessionId(), sheet.points(), sheet.maxPoints(),
                    sheet.percent(), sheet.passed() ? "passed" : "not passed");
        }
        return inserted;
    }

    private static AssessmentScored scoredEvent(AssessmentSubmitted submission, ScoreSheet sheet, Instant scoredAt) {
        List<ItemScore> items = sheet.items().stream()
                .map(item -> new ItemScore(item.questionId(), item.questionVersion(), item.kind(), item.points(),
                        item.maxPoints(), item.matchedKeyPointIds(), item.title()))
                .toList();
        return new AssessmentScored(submission.sessionId(), submission.invitationId(), submission.testId(),
                submission.testTitle(), submission.candidate(), submission.recruiterEmail(), sheet.points(),
                sheet.maxPoints(), sheet.percent(), sheet.passMarkPercent(), sheet.passed(), submission.reason(),
                items, scoredAt);
    }

    private static ScoringResult result(EventEnvelope<AssessmentSubmitted> envelope, ScoreSheet sheet,
                                        Instant scoredAt, EventEnvelope<AssessmentScored> event) {
        AssessmentSubmitted submission = envelope.payload();
        Person candidate = submission.candidate();
        return new ScoringResult(submission.sessionId(), envelope.tenantId(), submission.invitationId(),
                submission.testId(), submission.testTitle(),
                candidate == null ? null : new ScoringResult.Candidate(candidate.name(), candidate.email()),
                submission.recruiterEmail(), sheet.points(), sheet.maxPoints(), sheet.percent(),
                sheet.passMarkPercent(), sheet.passed(), submission.reason(), submission.startedAt(),
                submission.submittedAt(), scoredAt, sheet.items().stream().map(SubmissionScoring::item).toList(),
                envelope.eventId(), Outbox.messages(event));
    }

    private static ScoringResult.Item item(GradedItem item) {
        return new ScoringResult.Item(item.questionId(), item.questionVersion(), item.kind(), item.points(),
                item.maxPoints(), item.matchedKeyPointIds(), item.title());
    }
}
