package io.hirepipe.scoring.result;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.scoring.answerkey.AnswerKey;
import io.hirepipe.scoring.answerkey.AnswerKeyRef;
import io.hirepipe.scoring.answerkey.AnswerKeyStore;
import io.hirepipe.scoring.answerkey.RubricKeyPoint;
import io.hirepipe.scoring.grading.FreeTextGrade;
import io.hirepipe.scoring.grading.GradedItem;
import io.hirepipe.scoring.grading.Points;
import io.hirepipe.scoring.grading.ScoreSheet;
import io.hirepipe.scoring.grading.SubmissionGrader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns one AssessmentSubmitted into one stored result and one AssessmentScored event, exactly once
 * per session. A submission naming a question version this service has not seen is parked in
 * MongoDB, never scored as zero and never dropped; it is scored when that version arrives.
 */
@Service
public class SubmissionScoring {

    private static final Logger log = LoggerFactory.getLogger(SubmissionScoring.class);

    private final AnswerKeyStore answerKeys;
    private final SubmissionGrader grader;
    private final ResultStore results;
    private final ParkedSubmissions parked;
    private final Clock clock;
    private final Counter scored;
    private final Counter awaitingAnswerKeys;
    private final Counter itemsToReview;
    private final Timer lag;

    public SubmissionScoring(AnswerKeyStore answerKeys, SubmissionGrader grader, ResultStore results,
                             ParkedSubmissions parked, Clock clock, MeterRegistry meters) {
        this.answerKeys = answerKeys;
        this.grader = grader;
        this.results = results;
        this.parked = parked;
        this.clock = clock;
        this.scored = Counter.builder("hirepipe.scoring.results")
                .description("Sessions scored").register(meters);
        this.awaitingAnswerKeys = Counter.builder("hirepipe.scoring.awaiting.answer.keys")
                .description("Submissions parked because a question version was not known yet")
                .register(meters);
        this.itemsToReview = Counter.builder("hirepipe.scoring.review.items")
                .description("Items scored provisionally that a person must review").register(meters);
        // From the candidate's submit to the stored result; the 30 s boundary is the scoring half of the
        // submit-to-email objective (60 s), see infra/prometheus.
        this.lag = Timer.builder("hirepipe.scoring.lag")
                .description("Time from submission to stored result")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(30))
                .register(meters);
    }

    public enum Outcome {
        /** This call stored the result. */
        SCORED,
        /** The session already had a result; nothing changed. */
        ALREADY_SCORED,
        /** Parked until the question versions it names are known. */
        PARKED
    }

    public Outcome score(EventEnvelope<AssessmentSubmitted> envelope) {
        AssessmentSubmitted submission = envelope.payload();
        boolean scoredBefore = results.exists(submission.sessionId());
        Optional<ScoringResult> previous = scoredBefore
                ? results.find(envelope.tenantId(), submission.sessionId()) : Optional.empty();
        if (scoredBefore && !supersedes(envelope, previous)) {
            log.info("Session {} already scored; ignoring submission {}", submission.sessionId(), envelope.eventId());
            parked.remove(submission.sessionId());
            return Outcome.ALREADY_SCORED;
        }
        List<AnswerKeyRef> refs = SubmissionGrader.refsOf(submission);
        Map<AnswerKeyRef, AnswerKey> keys = answerKeys.find(envelope.tenantId(), refs);
        List<AnswerKeyRef> missing = missing(refs, keys);
        if (!missing.isEmpty()) {
            parked.park(envelope, missing);
            awaitingAnswerKeys.increment();
            // the key may have been stored between the look-up and the parking, with nobody left to
            // re-drive: look once more now that the submission is findable
            keys = answerKeys.find(envelope.tenantId(), refs);
            if (!missing(refs, keys).isEmpty()) {
                log.info("Session {} parked until {} are known", submission.sessionId(), missing);
                return Outcome.PARKED;
            }
        }
        Outcome outcome = store(envelope, keys, previous);
        parked.remove(submission.sessionId());
        return outcome;
    }

    /**
     * A session reopened by a recruiter is submitted again: its new submission replaces the result of the
     * earlier one; never an older submission, never a redelivery. Also a result a person already decided on:
     * assessment-service refuses to reopen those, but it decides on its own copy of the result, which learns of
     * a decision only when the decision's event arrives, so a reopen can come in between. The candidate's new
     * answers were accepted and must be scored; a decision about the earlier answers says nothing about them
     * (it stays in the audit log).
     */
    private static boolean supersedes(EventEnvelope<AssessmentSubmitted> envelope, Optional<ScoringResult> previous) {
        if (previous.isEmpty()) {
            return false;
        }
        ScoringResult result = previous.get();
        Instant submittedAt = envelope.payload().submittedAt();
        return !envelope.eventId().equals(result.submissionEventId())
                && submittedAt != null && result.submittedAt() != null && submittedAt.isAfter(result.submittedAt());
    }

    private static boolean decidedByAPerson(ScoringResult result) {
        return result.finalizedAt() != null || result.items().stream().anyMatch(item -> !item.history().isEmpty());
    }

    private Outcome store(EventEnvelope<AssessmentSubmitted> envelope, Map<AnswerKeyRef, AnswerKey> keys,
                          Optional<ScoringResult> previous) {
        AssessmentSubmitted submission = envelope.payload();
        ScoreSheet sheet = grader.grade(submission, keys);
        Instant scoredAt = clock.instant();
        ScoringResult result = result(envelope, sheet, keys, scoredAt);
        EventEnvelope<AssessmentScored> event = EventEnvelope.of(ResultEvents.scored(result), envelope.tenantId(),
                CorrelationId.currentOrNew(), scoredAt);
        boolean stored = previous.isPresent()
                ? results.replaceMachineResult(previous.get(), result, event)
                : results.insert(withOutbox(result, event));
        if (!stored) {
            return Outcome.ALREADY_SCORED;
        }
        if (previous.isPresent()) {
            log.info("Session {} was reopened; submission {} replaces the result of {}{}", submission.sessionId(),
                    envelope.eventId(), previous.get().submissionEventId(), decidedByAPerson(previous.get())
                            ? " and the decisions a person made on it (the reopen came before they arrived)" : "");
        }
        scored.increment();
        itemsToReview.increment(sheet.reviewCount());
        if (submission.submittedAt() != null) {
            lag.record(Duration.between(submission.submittedAt(), scoredAt).isNegative() ? Duration.ZERO
                    : Duration.between(submission.submittedAt(), scoredAt));
        }
        log.info("Session {} scored {}/{} ({}%, {}){}", submission.sessionId(), sheet.points(), sheet.maxPoints(),
                sheet.percent(), sheet.passed() ? "passed" : "not passed",
                sheet.reviewCount() > 0 ? ", provisional: " + sheet.reviewCount() + " to review" : "");
        return Outcome.SCORED;
    }

    private static List<AnswerKeyRef> missing(List<AnswerKeyRef> refs, Map<AnswerKeyRef, AnswerKey> keys) {
        return refs.stream().filter(ref -> !keys.containsKey(ref)).toList();
    }

    private static ScoringResult result(EventEnvelope<AssessmentSubmitted> envelope, ScoreSheet sheet,
                                        Map<AnswerKeyRef, AnswerKey> keys, Instant scoredAt) {
        AssessmentSubmitted submission = envelope.payload();
        Person candidate = submission.candidate();
        List<ScoringResult.Item> items = sheet.items().stream()
                .map(item -> item(item, keys.get(new AnswerKeyRef(item.questionId(), item.questionVersion()))))
                .toList();
        return new ScoringResult(submission.sessionId(), envelope.tenantId(), submission.invitationId(),
                submission.testId(), submission.testTitle(),
                candidate == null ? null : new ScoringResult.Candidate(candidate.name(), candidate.email()),
                submission.recruiterEmail(), sheet.points(), sheet.maxPoints(), sheet.percent(),
                sheet.passMarkPercent(), sheet.passed(), submission.reason(), submission.startedAt(),
                submission.submittedAt(), scoredAt, items, envelope.eventId(), List.of(),
                sheet.reviewCount() > 0 ? ScoringResult.State.PROVISIONAL : ScoringResult.State.FINAL,
                sheet.reviewCount(), null, null, 0L, submission.testVersion(), submission.drawnFromPools(),
                submission.externalReference(), submission.timeTakenSeconds(), submission.integrity());
    }

    private static ScoringResult withOutbox(ScoringResult r, EventEnvelope<?> event) {
        return new ScoringResult(r.sessionId(), r.tenantId(), r.invitationId(), r.testId(), r.testTitle(),
                r.candidate(), r.recruiterEmail(), r.points(), r.maxPoints(), r.percent(), r.passMarkPercent(),
                r.passed(), r.submitReason(), r.startedAt(), r.submittedAt(), r.scoredAt(), r.items(),
                r.submissionEventId(), Outbox.messages(event), r.state(), r.reviewCount(), r.finalizedAt(),
                r.finalizedBy(), r.revision(), r.testVersion(), r.drawnFromPools(), r.externalReference(),
                r.timeTakenSeconds(), r.integrity());
    }

    private static ScoringResult.Item item(GradedItem item, AnswerKey key) {
        return new ScoringResult.Item(item.questionId(), item.questionVersion(), item.kind(), item.points(),
                item.maxPoints(), item.matchedKeyPointIds(), item.title(), item.status(), item.points(), null, false,
                evidence(item.freeText(), key), List.of(), item.selectedOptionIds(), item.answerText());
    }

    private static ScoringResult.Evidence evidence(FreeTextGrade grade, AnswerKey key) {
        if (grade == null) {
            return null;
        }
        Map<String, String> descriptions = key == null ? Map.of() : key.keyPoints().stream()
                .filter(p -> p.id() != null && p.description() != null)
                .collect(Collectors.toMap(RubricKeyPoint::id, RubricKeyPoint::description, (a, b) -> a));
        return new ScoringResult.Evidence(grade.confidence(),
                grade.keyPoints().stream().map(k -> new ScoringResult.KeyPointVerdict(k.keyPointId(),
                        descriptions.get(k.keyPointId()), k.verdict().name(), k.credit(), Points.of(k.points()),
                        k.span(), k.similarity())).toList(),
                grade.misconceptions().stream().map(m -> new ScoringResult.MisconceptionMatch(m.misconceptionId(),
                        m.description(), Points.of(m.penalty()), m.span(), m.similarity())).toList(),
                grade.flags().stream().map(Enum::name).collect(Collectors.toSet()));
    }

}
