package io.hirepipe.scoring.result;

import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.defaults.audit.AuditEvents;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.IfMatch;
import io.hirepipe.scoring.grading.Points;
import io.hirepipe.scoring.grading.ScoreSheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What people decide about a result: an item's points (the human value wins, the machine's is kept,
 * every change is kept with who, when and why) and finalisation. Each decision is one conditional
 * single-document update carrying its event; a concurrent decision makes it read and decide again.
 */
@Service
public class ResultReview {

    private static final Logger log = LoggerFactory.getLogger(ResultReview.class);
    private static final int ATTEMPTS = 5;

    private final ResultStore results;
    private final Clock clock;

    public ResultReview(ResultStore results, Clock clock) {
        this.results = results;
        this.clock = clock;
    }

    /**
     * Sets an item's points. Setting the value it already has with the same reason changes nothing,
     * so a retried request does not add history or events.
     *
     * @param ifMatch the result as the person read it ({@link #etag}); any, when they did not say
     */
    public ScoringResult adjust(Caller caller, String sessionId, String questionId, BigDecimal points, String reason,
                                IfMatch ifMatch) {
        return decide(caller, sessionId, ifMatch, result -> {
            int index = indexOf(result, questionId);
            ScoringResult.Item item = result.items().get(index);
            if (points.compareTo(BigDecimal.valueOf(item.maxPoints())) > 0) {
                throw invalidPoints("must be between 0 and the item's maximum, " + item.maxPoints());
            }
            BigDecimal value = Points.of(points);
            if (item.humanPoints() != null && item.humanPoints().compareTo(value) == 0 && !item.history().isEmpty()
                    && reason.equals(item.history().get(item.history().size() - 1).reason())) {
                return null;
            }
            Instant now = clock.instant();
            ScoringResult.Review review = new ScoringResult.Review("ADJUSTED", item.points(), value, reason,
                    reviewer(caller), now);
            ScoringResult.Item changed = new ScoringResult.Item(item.questionId(), item.questionVersion(), item.kind(),
                    value, item.maxPoints(), item.matchedKeyPointIds(), item.title(), item.status(),
                    item.machinePoints(), value, item.accepted(), item.evidence(), append(item.history(), review),
                    item.selectedOptionIds(), item.answerText());
            ScoringResult updated = withItems(result, replace(result.items(), index, changed), result.state(),
                    result.finalizedAt(), result.finalizedBy());
            return new Decision(updated, EventEnvelope.of(ResultEvents.adjusted(updated, changed, review),
                    result.tenantId(), CorrelationId.currentOrNew(), now),
                    AuditEvents.success(caller, "score.adjusted", "session", sessionId, Map.of(
                            "questionId", questionId, "points", value.toPlainString(),
                            "previousPoints", item.points().toPlainString(), "reason", reason), now));
        });
    }

    /**
     * Makes a provisional result final. Items awaiting review must have been settled, unless
     * {@code acceptMachineScores}, which accepts the machine's points for each of them. A final
     * result stays as it is.
     */
    public ScoringResult finalizeResult(Caller caller, String sessionId, boolean acceptMachineScores,
                                        IfMatch ifMatch) {
        return decide(caller, sessionId, ifMatch, result -> {
            if (result.state() == ScoringResult.State.FINAL) {
                return null;
            }
            List<String> awaiting = result.items().stream().filter(ScoringResult.Item::awaitsReview)
                    .map(ScoringResult.Item::questionId).toList();
            if (!awaiting.isEmpty() && !acceptMachineScores) {
                throw ProblemException.conflict("review-pending", awaiting.size()
                        + " item(s) still await review: set their points, or finalise with "
                        + "\"acceptMachineScores\": true to accept the machine's scores.")
                        .with("awaitingReview", awaiting);
            }
            Instant now = clock.instant();
            ScoringResult.Reviewer by = reviewer(caller);
            List<ScoringResult.Item> items = result.items().stream().map(item -> !item.awaitsReview() ? item
                    : new ScoringResult.Item(item.questionId(), item.questionVersion(), item.kind(), item.points(),
                    item.maxPoints(), item.matchedKeyPointIds(), item.title(), item.status(), item.machinePoints(),
                    item.humanPoints(), true, item.evidence(), append(item.history(), new ScoringResult.Review(
                    "ACCEPTED", item.points(), item.points(), "machine score accepted at finalisation", by, now)),
                    item.selectedOptionIds(), item.answerText()))
                    .toList();
            ScoringResult updated = withItems(result, items, ScoringResult.State.FINAL, now, by.display());
            return new Decision(updated, EventEnvelope.of(ResultEvents.finalized(updated, awaiting.size(), now),
                    result.tenantId(), CorrelationId.currentOrNew(), now),
                    AuditEvents.success(caller, "score.finalized", "session", sessionId, Map.of(
                            "machineScoresAccepted", String.valueOf(awaiting.size()),
                            "points", updated.points().toPlainString()), now));
        });
    }

    /**
     * A decision: the result as it should be, the event that says so and its audit entry, stored in
     * the same update; null for "nothing to change".
     */
    private record Decision(ScoringResult result, EventEnvelope<?> event, EventEnvelope<AuditRecorded> audit) {
    }

    /**
     * The entity tag of a result as stored: it changes with every change of it (an adjustment, finalisation,
     * re-scoring, erasure), so a person's decision sent with it applies only to the result they read.
     */
    public static String etag(ScoringResult result) {
        return "\"" + result.sessionId() + "." + result.revision() + "\"";
    }

    /**
     * Applies a decision to the stored result. Without If-Match a decision that lost a race with another one is
     * decided again on the new state a few times (then 409); with If-Match the result must still be the one the
     * person read (else 412), and a lost race is not retried: the person decided on a state that is gone.
     */
    private ScoringResult decide(Caller caller, String sessionId, IfMatch ifMatch,
                                 Function<ScoringResult, Decision> decision) {
        String what = "The result of session " + sessionId;
        int attempts = ifMatch.isAny() ? ATTEMPTS : 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            ScoringResult current = results.find(caller.tenantId(), sessionId)
                    .orElseThrow(() -> ProblemException.notFound("Result", sessionId));
            ifMatch.require(etag(current), what);
            Decision decided = decision.apply(current);
            if (decided == null) {
                return current;
            }
            if (results.update(decided.result(), decided.event(), decided.audit())) {
                log.info("{} of session {} by {} {}", decided.event().type(), sessionId, caller.kind(),
                        caller.subject());
                // read back what is stored now, the relay's outbox field aside
                return results.find(caller.tenantId(), sessionId).orElse(decided.result());
            }
        }
        if (!ifMatch.isAny()) {
            throw IfMatch.stale(what);
        }
        throw new ProblemException(HttpStatus.CONFLICT, "concurrent-change", "Conflict",
                what + " is being changed by someone else; try again.");
    }

    /** The result with new items and the totals, review count and state that follow from them. */
    private static ScoringResult withItems(ScoringResult r, List<ScoringResult.Item> items, ScoringResult.State state,
                                           Instant finalizedAt, String finalizedBy) {
        BigDecimal points = items.stream().map(ScoringResult.Item::points).reduce(Points.ZERO, BigDecimal::add);
        double percent = ScoreSheet.percent(points, r.maxPoints());
        int reviewCount = (int) items.stream().filter(ScoringResult.Item::awaitsReview).count();
        return new ScoringResult(r.sessionId(), r.tenantId(), r.invitationId(), r.testId(), r.testTitle(),
                r.candidate(), r.recruiterEmail(), points, r.maxPoints(), percent, r.passMarkPercent(),
                percent >= r.passMarkPercent(), r.submitReason(), r.startedAt(), r.submittedAt(), r.scoredAt(), items,
                r.submissionEventId(), List.of(), state, reviewCount, finalizedAt, finalizedBy, r.revision(),
                r.testVersion(), r.drawnFromPools(), r.externalReference(), r.timeTakenSeconds(), r.integrity());
    }

    private static int indexOf(ScoringResult result, String questionId) {
        for (int i = 0; i < result.items().size(); i++) {
            if (result.items().get(i).questionId().equals(questionId)) {
                return i;
            }
        }
        throw ProblemException.notFound("Item", questionId);
    }

    private static <T> List<T> replace(List<T> list, int index, T value) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, value);
        return copy;
    }

    private static <T> List<T> append(List<T> list, T value) {
        List<T> copy = new ArrayList<>(list);
        copy.add(value);
        return copy;
    }

    private static ScoringResult.Reviewer reviewer(Caller caller) {
        return new ScoringResult.Reviewer(caller.kind().name(), caller.subject(), caller.email());
    }

    static ProblemException invalidPoints(String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "points: " + message)
                .with("errors", List.of(java.util.Map.of("field", "points", "message", message)));
    }
}
