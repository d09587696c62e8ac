package io.hirepipe.notification.messaging;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import io.hirepipe.notification.delivery.DeliveryKind;
import io.hirepipe.notification.delivery.EmailDispatcher;
import io.hirepipe.notification.mail.EmailMessage;
import io.hirepipe.notification.mail.ScoreReportEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Emails the recruiter the report of each scored session. */
@Component
public class ResultEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ResultEventsListener.class);

    private final ScoreReportEmail scoreReportEmail;
    private final EmailDispatcher dispatcher;

    public ResultEventsListener(ScoreReportEmail scoreReportEmail, EmailDispatcher dispatcher) {
        this.scoreReportEmail = scoreReportEmail;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(topics = Topics.RESULTS)
    public void on(EventEnvelope<EventPayload> envelope) {
        if (envelope.payload() instanceof AssessmentScored scored) {
            Events.requireTenant(envelope);
            EmailMessage email;
            try {
                email = scoreReportEmail.compose(scored);
            } catch (IllegalArgumentException unusable) {
                throw new NonRetryableEventException("Result event " + envelope.eventId() + ": "
                        + unusable.getMessage(), unusable);
            }
            dispatcher.dispatch(envelope, DeliveryKind.RECRUITER_SCORE_REPORT, scored.sessionId(), email);
        } else {
            log.debug("Skipping {} event {}", envelope.type(), envelope.eventId());
        }
    }
}
