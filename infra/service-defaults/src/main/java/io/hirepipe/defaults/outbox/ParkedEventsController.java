package io.hirepipe.defaults.outbox;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Items;
import io.hirepipe.defaults.web.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * The operator's side of parked outbox events, in every service with an outbox, under its own operations path
 * ({@code hirepipe.operations.name}): list the tenant's, and re-queue one once the cause is fixed. Recruiters and API
 * keys with the operations:manage scope (the gateway checks it), and only their tenant's events.
 */
@Tag(name = "Operations")
@RestController
@RequestMapping("/api/operations/${hirepipe.operations.name}/parked-events")
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
@Validated
public class ParkedEventsController {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventsController.class);

    private final ParkedEvents parked;

    public ParkedEventsController(ParkedEvents parked) {
        this.parked = parked;
    }

    /** Oldest first. */
    @Operation(summary = "List events this service could not publish and set aside")
    @GetMapping
    public Items<ParkedEventView> list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, Caller caller) {
        return Items.of(parked.list(caller.tenantId(), limit).stream().map(ParkedEventView::of).toList());
    }

    /** Back onto its document's outbox: the relay publishes it, or parks it again if it still cannot be sent. */
    @Refusal(status = 409, type = "document-gone",
            detail = "The invitations document 'inv_7Hq2Xv9Lm4Nc' that event evt_2Xq8Lm5Rt7Wp4Kd belongs to no longer "
                    + "exists.")
    @Operation(summary = "Re-queue a parked event for publishing")
    @PostMapping("/{eventId}/requeue")
    public ParkedEventView requeue(@PathVariable String eventId, Caller caller) {
        ParkedEvents.Requeue requeue = parked.requeue(caller.tenantId(), eventId);
        ParkedEvents.Parked event = requeue.event();
        switch (requeue.outcome()) {
            case NOT_FOUND -> throw ProblemException.notFound("Parked event", eventId);
            case DOCUMENT_GONE -> throw ProblemException.conflict("document-gone", "The " + event.collection()
                    + " document '" + event.documentId() + "' that event " + eventId + " belongs to no longer exists.");
            case REQUEUED -> log.info("Parked {} {} re-queued on {} {} by {}", event.type(), eventId, event.collection(),
                    event.documentId(), caller.subject());
        }
        return ParkedEventView.of(event);
    }

    /**
     * @param reason     why Kafka refused it, as the relay recorded it
     * @param documentId the document whose outbox it came from (and goes back to)
     */
    public record ParkedEventView(@Schema(example = "evt_2Xq8Lm5Rt7Wp4Kd") String eventId,
                                  @Schema(example = "AssessmentSubmitted") String type,
                                  @Schema(example = "hirepipe.submissions.v1") String topic,
                                  @Schema(example = "ses_HJs7Pq2Xv9Lm4Nc") String key,
                                  @Schema(example = "invitations") String collection,
                                  @Schema(example = "inv_7Hq2Xv9Lm4Nc") String documentId,
                                  @Schema(example = "RecordTooLargeException: The message is 5242880 bytes when serialized which is larger than 4194304") String reason,
                                  Instant parkedAt) {

        static ParkedEventView of(ParkedEvents.Parked parked) {
            return new ParkedEventView(parked.eventId(), parked.type(), parked.topic(), parked.key(),
                    parked.collection(), parked.documentId(), parked.reason(), parked.parkedAt());
        }
    }
}
