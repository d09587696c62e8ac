package io.hirepipe.scoring.result;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import io.hirepipe.defaults.privacy.LateCandidateEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Scores every closed session. A submission ahead of its questions is parked, not failed; other
 * failures are left to the shared error handler: retry with back-off, then DLT.
 */
@Component
public class SubmissionListener {

    private static final Logger log = LoggerFactory.getLogger(SubmissionListener.class);

    private final SubmissionScoring scoring;
    private final ParkedSubmissions parked;
    private final LateCandidateEvents erased;

    public SubmissionListener(SubmissionScoring scoring, ParkedSubmissions parked, LateCandidateEvents erased) {
        this.scoring = scoring;
        this.parked = parked;
        this.erased = erased;
    }

    @KafkaListener(topics = Topics.SUBMISSIONS)
    public void on(EventEnvelope<EventPayload> envelope) {
        if (envelope.payload() instanceof AssessmentSubmitted submission) {
            if (envelope.tenantId() == null || envelope.tenantId().isBlank()) {
                throw new NonRetryableEventException("Submission " + envelope.eventId() + " has no tenantId");
            }
            if (submission.sessionId() == null || submission.sessionId().isBlank()) {
                throw new NonRetryableEventException("Submission " + envelope.eventId() + " has no sessionId");
            }
            // An erased candidate's submission that arrives late is not scored: the erasure reported this service
            // done, so a result appearing afterwards (even anonymised) would be data the erasure did not count.
            if (erased.drop(envelope)) {
                parked.remove(submission.sessionId());
                return;
            }
            scoring.score(new EventEnvelope<>(envelope.eventId(), envelope.type(), envelope.schemaVersion(),
                    envelope.occurredAt(), envelope.tenantId(), envelope.correlationId(), submission));
            erased.afterStoring(envelope);
        } else {
            log.debug("Skipping {} event {}", envelope.type(), envelope.eventId());
        }
    }
}
