package io.hirepipe.scoring.result;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.scoring.grading.ReviewReasons;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.defaults.outbox.OutboxMessage;
import io.hirepipe.contracts.events.IntegrityCounts;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The score of one closed session. The id is the session id, so a session has at most one result
 * and a redelivered submission cannot create a second (nor touch a reviewer's values). Inserted
 * together with its AssessmentScored event in {@code outbox}, which the relay empties once Kafka has
 * it; every later change (an adjustment, finalisation) is one conditional update of this document
 * that also appends its event.
 *
 * @param points            the items' points added up: human values where a reviewer set them
 * @param submissionEventId the AssessmentSubmitted event this result was scored from
 * @param state             PROVISIONAL while items await review and until a person finalises it
 * @param reviewCount       items whose machine score awaits a person
 * @param revision          incremented by every change; a change applies only to the revision it read
 * @param testVersion       the test version the session was started from; null in results scored from
 *                          submissions that did not say (read as version 1, see {@link #testVersionOrFirst})
 * @param drawnFromPools    whether the session's questions were drawn from pools; null when the
 *                          submission did not say
 * @param externalReference the platform client's reference of the invitation, from the submission
 * @param timeTakenSeconds  start to submission; null for results scored from v1 submissions
 * @param integrity         the browser's integrity signal counts; null for results scored from v1 submissions
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
        BigDecimal points,
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
        List<OutboxMessage> outbox,
        State state,
        Integer reviewCount,
        Instant finalizedAt,
        String finalizedBy,
        Long revision,
        Integer testVersion,
        Boolean drawnFromPools,
        String externalReference,
        Long timeTakenSeconds,
        IntegrityCounts integrity) {

    public static final String COLLECTION = "results";

    /** A result without test version, pools, reference, time taken or integrity counts, as scored before those travelled. */
    public ScoringResult(String sessionId, String tenantId, String invitationId, String testId, String testTitle,
                         Candidate candidate, String recruiterEmail, BigDecimal points, int maxPoints, double percent,
                         int passMarkPercent, boolean passed, SubmitReason submitReason, Instant startedAt,
                         Instant submittedAt, Instant scoredAt, List<Item> items, String submissionEventId,
                         List<OutboxMessage> outbox, State state, Integer reviewCount, Instant finalizedAt,
                         String finalizedBy, Long revision) {
        this(sessionId, tenantId, invitationId, testId, testTitle, candidate, recruiterEmail, points, maxPoints, percent,
                passMarkPercent, passed, submitReason, startedAt, submittedAt, scoredAt, items, submissionEventId, outbox,
                state, reviewCount, finalizedAt, finalizedBy, revision, null, null, null, null, null);
    }

    @PersistenceCreator
    public ScoringResult {
        items = items == null ? List.of() : List.copyOf(items);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        // results stored before review existed were final when scored, and had nothing to review
        state = state == null ? State.FINAL : state;
        reviewCount = reviewCount == null ? 0 : reviewCount;
        revision = revision == null ? 0L : revision;
    }

    /** How a result looks once its candidate is erased or past retention: who and what they wrote are gone, the scores stay. */
    public static final String ERASED_NAME = "Erased candidate";

    public List<Item> itemsWithoutAnswers() {
        return items.stream().map(Item::withoutAnswer).toList();
    }

    /** Before tests had versions a test never changed after creation: its only version is 1. */
    public int testVersionOrFirst() {
        return testVersion == null ? 1 : testVersion;
    }

    public boolean provisional() {
        return state == State.PROVISIONAL;
    }

    public enum State { PROVISIONAL, FINAL }

    public record Candidate(String name, String email) {
    }

    /**
     * @param points        what the item counts for: the reviewer's value when set, the machine's otherwise
     * @param title         the question's title as the candidate saw it; null in results scored from
     *                      submissions that did not carry it (and in results stored before it was kept)
     * @param status        the machine's verdict on the item
     * @param machinePoints what the machine gave; kept when a reviewer overrides it
     * @param humanPoints   the reviewer's value; null until one is set
     * @param accepted      a reviewer accepted the machine's points of a NEEDS_REVIEW item as they were
     * @param evidence      for free-text items, why the machine gave what it gave; null otherwise
     * @param history       every change a person made, oldest first; never rewritten
     * @param selectedOptionIds for choice items, the options the candidate picked; empty otherwise (and
     *                      in results stored before picks were kept)
     */
    public record Item(String questionId, int questionVersion, QuestionKind kind, BigDecimal points, int maxPoints,
                       List<String> matchedKeyPointIds, String title, ItemStatus status, BigDecimal machinePoints,
                       BigDecimal humanPoints, Boolean accepted, Evidence evidence, List<Review> history,
                       List<String> selectedOptionIds, String answerText) {

        public Item {
            matchedKeyPointIds = matchedKeyPointIds == null ? List.of() : List.copyOf(matchedKeyPointIds);
            status = status == null ? ItemStatus.SCORED : status;
            machinePoints = machinePoints == null ? points : machinePoints;
            accepted = Boolean.TRUE.equals(accepted);
            history = history == null ? List.of() : List.copyOf(history);
            selectedOptionIds = selectedOptionIds == null ? List.of() : List.copyOf(selectedOptionIds);
        }

        /** The same item without the candidate's words: answer text and the spans quoted as evidence. */
        Item withoutAnswer() {
            Evidence quiet = evidence == null ? null : new Evidence(evidence.confidence(),
                    evidence.keyPoints().stream().map(k -> new KeyPointVerdict(k.id(), k.description(), k.verdict(),
                            k.credit(), k.points(), null, k.similarity())).toList(),
                    evidence.misconceptions().stream().map(m -> new MisconceptionMatch(m.id(), m.description(),
                            m.penalty(), null, m.similarity())).toList(),
                    evidence.flags());
            return new Item(questionId, questionVersion, kind, points, maxPoints, matchedKeyPointIds, title, status,
                    machinePoints, humanPoints, accepted, quiet, history, selectedOptionIds, null);
        }

        /** The machine was unsure and no person has settled it yet. */
        public boolean awaitsReview() {
            return status == ItemStatus.NEEDS_REVIEW && humanPoints == null && !accepted;
        }

        /** Why the grader asked for a person, in words, while the item still waits for one; empty otherwise. */
        public List<String> reviewReasons() {
            return awaitsReview() && evidence != null ? ReviewReasons.of(evidence.flags()) : List.of();
        }

        public boolean adjusted() {
            return humanPoints != null;
        }
    }

    /**
     * @param confidence     0..1, how sure the grader was
     * @param keyPoints      one verdict per rubric key point, in rubric order
     * @param misconceptions the misconceptions the answer stated
     * @param flags          why the grade is what it is beyond the key points (BLANK, KEYWORD_LIST, ...)
     */
    public record Evidence(@Schema(example = "0.82") Double confidence,
                           List<KeyPointVerdict> keyPoints,
                           List<MisconceptionMatch> misconceptions,
                           @ArraySchema(schema = @Schema(example = "NEAR_THRESHOLD")) Set<String> flags) {

        public Evidence {
            keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
            misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
            flags = flags == null ? Set.of() : Set.copyOf(flags);
        }
    }

    /**
     * @param verdict    MET, PARTLY_MET or MISSED
     * @param credit     0..1 share of the key point's points awarded
     * @param span       the part of the answer that met it, verbatim; null when missed
     * @param similarity 0..1 semantic similarity of that span to the key point
     */
    public record KeyPointVerdict(@Schema(example = "shared-state") String id,
                                  @Schema(example = "Keeps the counters where every instance sees them") String description,
                                  @Schema(example = "MET") String verdict,
                                  @Schema(example = "1.0") double credit,
                                  @Schema(example = "2.0") BigDecimal points,
                                  @Schema(example = "A token bucket per client in Redis") String span,
                                  @Schema(example = "0.87") double similarity) {
    }

    /** @param penalty points it cost */
    public record MisconceptionMatch(@Schema(example = "local-only") String id,
                                     @Schema(example = "Counts in each instance's memory only") String description,
                                     @Schema(example = "1.0") BigDecimal penalty,
                                     @Schema(example = "keep a map in memory") String span,
                                     @Schema(example = "0.74") double similarity) {
    }

    /**
     * One decision of a person about an item.
     *
     * @param action ADJUSTED (points set) or ACCEPTED (the machine's points accepted at finalisation)
     * @param from   the item's points before
     * @param to     the item's points after
     */
    public record Review(String action, BigDecimal from, BigDecimal to, String reason, Reviewer by, Instant at) {
    }

    /** @param kind RECRUITER or PLATFORM; @param subject user id or API key id */
    public record Reviewer(String kind, String subject, String email) {

        /** How the person is named in events and emails: the email where known. */
        public String display() {
            return email != null && !email.isBlank() ? email : kind.toLowerCase() + ":" + subject;
        }
    }
}
