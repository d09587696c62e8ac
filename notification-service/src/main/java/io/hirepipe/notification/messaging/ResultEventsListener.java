package io.hirepipe.notification.messaging;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import io.hirepipe.defaults.privacy.LateCandidateEvents;
import io.hirepipe.notification.delivery.DeliveryKind;
import io.hirepipe.notification.delivery.EmailDispatcher;
import io.hirepipe.notification.mail.EmailMessage;
import io.hirepipe.notification.mail.ScoreReportEmail;
import io.hirepipe.notification.mail.ScoreUpdateEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Emails the recruiter the report of each scored session, and a notice when a reviewer adjusts it
 * or it becomes final. Each email is sent once per event (the delivery log's key).
 */
@Component
public class ResultEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ResultEventsListener.class);

    private final ScoreReportEmail scoreReportEmail;
    private final ScoreUpdateEmail scoreUpdateEmail;
    private final EmailDispatcher dispatcher;
    private final LateCandidateEvents erased;

    public ResultEventsListener(ScoreReportEmail scoreReportEmail, ScoreUpdateEmail scoreUpdateEmail,
                                EmailDispatcher dispatcher, LateCandidateEvents erased) {
        this.scoreReportEmail = scoreReportEmail;
        this.scoreUpdateEmail = scoreUpdateEmail;
        this.dispatcher = dispatcher;
        this.erased = erased;
    }

    @KafkaListener(topics = Topics.RESULTS)
    public void on(EventEnvelope<EventPayload> envelope) {
        // the recruiter's reports name the candidate: none for a candidate erased before they were sent
        if (erased.drop(envelope)) {
            return;
        }
        report(envelope);
        erased.afterStoring(envelope);
    }

    private void report(EventEnvelope<EventPayload> envelope) {
        if (envelope.payload() instanceof AssessmentScored scored) {
            Events.requireTenant(envelope);
            // the report's lag runs from the candidate's submit (the submit-to-email objective) where the event says it
            dispatcher.dispatch(envelope, DeliveryKind.RECRUITER_SCORE_REPORT, scored.sessionId(),
                    compose(envelope, () -> scoreReportEmail.compose(scored)),
                    scored.submittedAt() != null ? scored.submittedAt() : envelope.occurredAt());
        } else if (envelope.payload() instanceof ScoreAdjusted adjusted) {
            Events.requireTenant(envelope);
            if (adjusted.recruiterEmail() == null) {
                log.info("ScoreAdjusted {} (schema v{}) names no recruiter; no email", envelope.eventId(),
                        envelope.schemaVersion());
                return;
            }
            dispatcher.dispatch(envelope, DeliveryKind.RECRUITER_SCORE_ADJUSTED, adjusted.sessionId(),
                    compose(envelope, () -> scoreUpdateEmail.adjusted(adjusted)));
        } else if (envelope.payload() instanceof AssessmentFinalized finalized) {
            Events.requireTenant(envelope);
            dispatcher.dispatch(envelope, DeliveryKind.RECRUITER_SCORE_FINAL, finalized.sessionId(),
                    compose(envelope, () -> scoreUpdateEmail.finalized(finalized)));
        } else {
            log.debug("Skipping {} event {}", envelope.type(), envelope.eventId());
        }
    }

    private static EmailMessage compose(EventEnvelope<?> envelope, Supplier<EmailMessage> composer) {
        try {
            return composer.get();
        } catch (IllegalArgumentException unusable) {
            throw new NonRetryableEventException("Result event " + envelope.eventId() + ": "
                    + unusable.getMessage(), unusable);
        }
    }
}
