package io.hirepipe.notification.messaging;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import io.hirepipe.defaults.privacy.LateCandidateEvents;
import io.hirepipe.notification.delivery.DeliveryKind;
import io.hirepipe.notification.delivery.EmailDispatcher;
import io.hirepipe.notification.mail.EmailMessage;
import io.hirepipe.notification.mail.SubmissionReceiptEmail;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Sends the candidate a receipt of each submission. One per submission event (the delivery log's key):
 * a redelivered event sends nothing, and a session a recruiter reopened gets a receipt for its new
 * submission too.
 */
@Component
public class SubmissionEventsListener {

    private final SubmissionReceiptEmail receipt;
    private final EmailDispatcher dispatcher;
    private final LateCandidateEvents erased;

    public SubmissionEventsListener(SubmissionReceiptEmail receipt, EmailDispatcher dispatcher,
                                    LateCandidateEvents erased) {
        this.receipt = receipt;
        this.dispatcher = dispatcher;
        this.erased = erased;
    }

    @KafkaListener(topics = Topics.SUBMISSIONS)
    public void on(EventEnvelope<EventPayload> envelope) {
        if (!(envelope.payload() instanceof AssessmentSubmitted submitted)) {
            return;
        }
        Events.requireTenant(envelope);
        if (erased.drop(envelope)) {
            return;
        }
        EmailMessage email;
        try {
            email = receipt.compose(submitted);
        } catch (IllegalArgumentException unusable) {
            throw new NonRetryableEventException("Submission event " + envelope.eventId() + ": "
                    + unusable.getMessage(), unusable);
        }
        dispatcher.dispatch(envelope, DeliveryKind.CANDIDATE_SUBMISSION_RECEIPT, submitted.sessionId(), email);
        erased.afterStoring(envelope);
    }
}
