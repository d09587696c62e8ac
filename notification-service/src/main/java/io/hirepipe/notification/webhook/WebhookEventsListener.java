package io.hirepipe.notification.webhook;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import io.hirepipe.defaults.privacy.LateCandidateEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Feeds webhook fan-out from every topic whose events a subscriber can ask for. Its own consumer
 * group: an SMTP outage that holds up the email listeners does not hold up webhooks, and the
 * other way round.
 */
@Component
public class WebhookEventsListener {

    /** The consumer group unless {@code hirepipe.webhooks.consumer-group} says otherwise. */
    public static final String GROUP = "notification-service-webhooks";

    private final WebhookFanout fanout;
    private final TenantContacts contacts;
    private final Clock clock;
    private final LateCandidateEvents erased;

    public WebhookEventsListener(WebhookFanout fanout, TenantContacts contacts, Clock clock,
                                 LateCandidateEvents erased) {
        this.fanout = fanout;
        this.contacts = contacts;
        this.clock = clock;
        this.erased = erased;
    }

    @KafkaListener(id = "${hirepipe.webhooks.consumer-group:" + GROUP + "}",
            groupId = "${hirepipe.webhooks.consumer-group:" + GROUP + "}", topics = {Topics.INVITATIONS, Topics.SUBMISSIONS, Topics.RESULTS})
    public void on(EventEnvelope<EventPayload> envelope) {
        if (envelope.tenantId() == null || envelope.tenantId().isBlank()) {
            throw new NonRetryableEventException("Event " + envelope.eventId() + " has no tenantId");
        }
        contacts.remember(envelope.tenantId(), recruiterEmailOf(envelope.payload()), clock.instant());
        List<WebhookDelivery> deliveries = fanout.deliveriesFor(envelope);
        // Nothing to store, so no candidate data to keep from an erased candidate: the two tombstone
        // lookups are skipped for the many events no subscriber asked for (every session start, say).
        if (deliveries.isEmpty()) {
            return;
        }
        // the erasure deleted the candidate's webhook copies: no new ones afterwards
        if (erased.drop(envelope)) {
            return;
        }
        fanout.enqueue(deliveries);
        erased.afterStoring(envelope);
    }

    private static String recruiterEmailOf(EventPayload payload) {
        if (payload instanceof InvitationCreated e) {
            return e.recruiterEmail();
        } else if (payload instanceof AssessmentSubmitted e) {
            return e.recruiterEmail();
        } else if (payload instanceof AssessmentScored e) {
            return e.recruiterEmail();
        } else if (payload instanceof ScoreAdjusted e) {
            return e.recruiterEmail();
        } else if (payload instanceof AssessmentFinalized e) {
            return e.recruiterEmail();
        }
        return null;
    }
}
