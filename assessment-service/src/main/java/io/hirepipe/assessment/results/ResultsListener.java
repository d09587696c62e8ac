package io.hirepipe.assessment.results;

import io.hirepipe.assessment.session.ScoreRecorder;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Marks sessions scored, adjusted and final from scoring-service's results; other event types are skipped. */
@Component
class ResultsListener {

    private static final Logger log = LoggerFactory.getLogger(ResultsListener.class);

    private final ScoreRecorder scores;

    ResultsListener(ScoreRecorder scores) {
        this.scores = scores;
    }

    @KafkaListener(topics = Topics.RESULTS)
    void on(EventEnvelope<EventPayload> envelope) {
        if (envelope.tenantId() == null || envelope.tenantId().isBlank()) {
            // Without a tenant no write may happen; retrying cannot add one.
            throw new NonRetryableEventException("Event " + envelope.eventId() + " names no tenant");
        }
        if (envelope.payload() instanceof AssessmentScored scored) {
            scores.scored(envelope.tenantId(), envelope.eventId(), scored);
        } else if (envelope.payload() instanceof ScoreAdjusted adjusted) {
            scores.adjusted(envelope.tenantId(), envelope.eventId(), envelope.schemaVersion(), adjusted);
        } else if (envelope.payload() instanceof AssessmentFinalized finalized) {
            scores.finalized(envelope.tenantId(), envelope.eventId(), finalized);
        } else {
            log.debug("Skipping {} {}: not for this service", envelope.type(), envelope.eventId());
        }
    }
}
