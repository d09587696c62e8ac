package io.hirepipe.notification.partner;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.PartnerTestSent;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns which invitations an ATS partner sent (PartnerTestSent) and when results become final:
 * AssessmentFinalized, or an AssessmentScored that is not provisional; and when a final result's
 * score changes (a ScoreAdjusted that is not provisional). A provisional score, or a change to one,
 * sends nothing. Its own consumer group, so neither email nor webhook back-pressure holds it up.
 */
@Component
class PartnerEventsListener {

    static final String GROUP = "notification-service-partners";

    private final PartnerCallbacks callbacks;

    PartnerEventsListener(PartnerCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @KafkaListener(id = "${hirepipe.partners.consumer-group:" + GROUP + "}",
            groupId = "${hirepipe.partners.consumer-group:" + GROUP + "}", topics = {Topics.INVITATIONS, Topics.RESULTS})
    void on(EventEnvelope<EventPayload> envelope) {
        EventPayload payload = envelope.payload();
        boolean relevant = payload instanceof PartnerTestSent || payload instanceof AssessmentFinalized
                || (payload instanceof AssessmentScored scored && !scored.provisional())
                || (payload instanceof ScoreAdjusted adjusted && finalChange(envelope, adjusted));
        if (!relevant) {
            return;
        }
        if (envelope.tenantId() == null || envelope.tenantId().isBlank()) {
            throw new NonRetryableEventException("Event " + envelope.eventId() + " has no tenantId");
        }
        if (payload instanceof PartnerTestSent sent) {
            callbacks.registered(envelope.tenantId(), sent);
        } else if (payload instanceof AssessmentFinalized finalized) {
            callbacks.finalized(envelope.tenantId(), finalized.invitationId(), finalized.finalizedAt());
        } else if (payload instanceof AssessmentScored scored) {
            callbacks.finalized(envelope.tenantId(), scored.invitationId(), scored.scoredAt());
        } else if (payload instanceof ScoreAdjusted adjusted) {
            callbacks.changedAfterFinal(envelope.tenantId(), adjusted.invitationId(), envelope.eventId(),
                    adjusted.adjustedAt());
        }
    }

    /**
     * A change to a final result. Version 1 of the event did not say whether the result is still
     * provisional, nor name the invitation: such a change is left alone rather than guessed at.
     */
    private static boolean finalChange(EventEnvelope<EventPayload> envelope, ScoreAdjusted adjusted) {
        return envelope.schemaVersion() >= 2 && !adjusted.provisional() && adjusted.invitationId() != null;
    }
}
