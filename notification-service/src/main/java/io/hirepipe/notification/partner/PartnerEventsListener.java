package io.hirepipe.notification.partner;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.PartnerResultReady;
import io.hirepipe.contracts.events.PartnerTestSent;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns which invitations an ATS partner sent (PartnerTestSent) and when assessment-service has applied a
 * final result to one, or a change to its final totals (PartnerResultReady). It does not read scoring's
 * results topic: a partner told on AssessmentScored or AssessmentFinalized could call back before
 * assessment-service applied them, read "incomplete" and, as Greenhouse no longer polls, never ask again.
 * Both events travel on the invitations topic keyed by invitation, in that order. Its own consumer group,
 * so neither email nor webhook back-pressure holds it up.
 */
@Component
class PartnerEventsListener {

    static final String GROUP = "notification-service-partners";

    private final PartnerCallbacks callbacks;

    PartnerEventsListener(PartnerCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @KafkaListener(id = "${hirepipe.partners.consumer-group:" + GROUP + "}",
            groupId = "${hirepipe.partners.consumer-group:" + GROUP + "}", topics = Topics.INVITATIONS)
    void on(EventEnvelope<EventPayload> envelope) {
        EventPayload payload = envelope.payload();
        if (!(payload instanceof PartnerTestSent) && !(payload instanceof PartnerResultReady)) {
            return;
        }
        if (envelope.tenantId() == null || envelope.tenantId().isBlank()) {
            throw new NonRetryableEventException("Event " + envelope.eventId() + " has no tenantId");
        }
        if (payload instanceof PartnerTestSent sent) {
            callbacks.registered(envelope.tenantId(), sent);
        } else if (payload instanceof PartnerResultReady ready) {
            callbacks.resultReady(envelope.tenantId(), ready);
        }
    }
}
