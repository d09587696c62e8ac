package io.hirepipe.scoring.operations;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.contracts.Topics;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Items;
import io.hirepipe.scoring.result.ParkedSubmission;
import io.hirepipe.scoring.result.ParkedSubmissions;
import io.hirepipe.defaults.web.Refusal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What operators of a tenant need when scoring did not go to plan: the records of this service's
 * topics that were dead-lettered (and replaying them once the cause is fixed), and the submissions
 * parked until their questions arrive. Recruiters and API keys with the operations:manage scope (the gateway checks
 * it), and only their tenant's records: a record that is not even an event names no tenant and is shown to nobody here.
 */
@Tag(name = "Operations")
@RestController
@RequestMapping("/api/operations/scoring")
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
@Validated
public class OperationsController {

    private static final Logger log = LoggerFactory.getLogger(OperationsController.class);
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final DeadLetterTopics deadLetters;
    private final DeadLetterReplays replays;
    private final ParkedSubmissions parked;
    private final KafkaTemplate<Object, Object> kafka;
    private final Clock clock;

    public OperationsController(DeadLetterTopics deadLetters, DeadLetterReplays replays, ParkedSubmissions parked,
                                KafkaTemplate<Object, Object> kafka, Clock clock) {
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.parked = parked;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Newest first. */
    @Operation(summary = "List scoring's dead letters")
    @GetMapping("/dead-letters")
    public Items<DeadLetterView> deadLetters(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                                             Caller caller) {
        List<DeadLetterTopics.DeadLetter> mine = deadLetters.readAll().stream()
                .filter(letter -> belongsTo(letter, caller))
                .sorted(Comparator.comparing(DeadLetterTopics.DeadLetter::deadLetteredAt).reversed())
                .limit(limit)
                .toList();
        Map<String, DeadLetterReplays.Replay> replayed = replays.find(caller.tenantId(),
                mine.stream().map(letter -> letter.id().toString()).toList());
        return Items.of(mine.stream().map(letter -> DeadLetterView.of(letter, replayed.get(letter.id().toString())))
                .toList());
    }

    /** Publishes the record again to the topic it failed on, exactly as it was; at most once per dead letter. */
    @Refusal(status = 409, type = "already-replayed",
            detail = "Dead letter hirepipe.submissions.v1.DLT:0:42 was replayed before.")
    @Operation(summary = "Replay a dead letter")
    @PostMapping("/dead-letters/{id}/replay")
    public DeadLetterView replay(@PathVariable String id, Caller caller) {
        DeadLetterTopics.DeadLetter letter = DeadLetterId.parse(id).flatMap(deadLetters::read)
                .filter(found -> belongsTo(found, caller))
                .orElseThrow(() -> ProblemException.notFound("Dead letter", id));
        DeadLetterReplays.Replay replay = new DeadLetterReplays.Replay(letter.id().toString(), caller.tenantId(),
                caller.email() != null ? caller.email() : caller.subject(), clock.instant());
        if (!replays.claim(replay)) {
            throw ProblemException.conflict("already-replayed", "Dead letter " + id + " was replayed before.");
        }
        try {
            ProducerRecord<Object, Object> record = new ProducerRecord<>(letter.originalTopic(), letter.key(),
                    letter.value());
            String correlationId = letter.envelope().correlationId() != null
                    ? CorrelationId.sanitize(letter.envelope().correlationId()) : CorrelationId.currentOrNew();
            record.headers().add(CorrelationId.HEADER, correlationId.getBytes(StandardCharsets.UTF_8));
            kafka.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            replays.release(replay.id());
            log.warn("Replay of dead letter {} failed: {}", id, e.toString());
            throw ProblemException.unavailable("kafka-unavailable", "The record could not be replayed now; try again.");
        }
        log.info("Dead letter {} ({} {}) replayed to {} by {}", id, letter.envelope().type(),
                letter.envelope().eventId(), letter.originalTopic(), caller.subject());
        return DeadLetterView.of(letter, replay);
    }

    /** Submissions waiting for question versions this service has not seen yet, oldest first. */
    @Operation(summary = "List submissions parked while waiting for data")
    @GetMapping("/parked-submissions")
    public Items<ParkedView> parkedSubmissions(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                                               Caller caller) {
        return Items.of(parked.list(caller.tenantId(), limit).stream().map(ParkedView::of).toList());
    }

    private static boolean belongsTo(DeadLetterTopics.DeadLetter letter, Caller caller) {
        return letter.envelope() != null && caller.tenantId().equals(letter.envelope().tenantId())
                && Topics.ALL.contains(letter.originalTopic());
    }

    /**
     * @param error      why it was dead-lettered, as the error handler recorded it
     * @param replayedAt when it was replayed; null if not yet
     */
    public record DeadLetterView(@Schema(example = "hirepipe.submissions.v1.DLT:0:42", description = "<topic>:<partition>:<offset>, the {id} to replay") String id,
                                 @Schema(example = "hirepipe.submissions.v1.DLT") String topic,
                                 @Schema(example = "hirepipe.submissions.v1") String originalTopic,
                                 @Schema(example = "ses_HJs7Pq2Xv9Lm4Nc") String key,
                                 @Schema(example = "evt_2Xq8Lm5Rt7Wp4Kd") String eventId,
                                 @Schema(example = "AssessmentSubmitted") String type,
                                 @Schema(example = "Test version 3 of t_8ZpQ3vN6cJw1TfHs could not be read") String error,
                                 Instant deadLetteredAt,
                                 Instant replayedAt,
                                 @Schema(example = "rita@acme.example") String replayedBy) {

        /** Spring MVC logs bodies by toString at DEBUG; a record's would print the email of who replayed it. */
        @Override
        public String toString() {
            return "DeadLetterView[id=" + id + ", eventId=" + eventId + ", type=" + type + ", replayedAt="
                    + replayedAt + ", replayedBy hidden]";
        }

        static DeadLetterView of(DeadLetterTopics.DeadLetter letter, DeadLetterReplays.Replay replay) {
            return new DeadLetterView(letter.id().toString(), letter.id().topic(), letter.originalTopic(),
                    letter.key(), letter.envelope().eventId(), letter.envelope().type(), letter.error(),
                    letter.deadLetteredAt(), replay == null ? null : replay.replayedAt(),
                    replay == null ? null : replay.replayedBy());
        }
    }

    /** @param waitingFor question versions not known yet, as {@code questionId:version} */
    public record ParkedView(@Schema(example = "ses_HJs7Pq2Xv9Lm4Nc") String sessionId,
                             @Schema(example = "evt_2Xq8Lm5Rt7Wp4Kd") String eventId,
                             @ArraySchema(schema = @Schema(example = "question q_4GkR7wP2xYb9LmN3 version 2")) List<String> waitingFor,
                             Instant parkedAt) {

        static ParkedView of(ParkedSubmission submission) {
            return new ParkedView(submission.sessionId(), submission.eventId(), submission.waitingFor(),
                    submission.parkedAt());
        }
    }
}
