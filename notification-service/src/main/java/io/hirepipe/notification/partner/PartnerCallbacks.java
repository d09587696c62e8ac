package io.hirepipe.notification.partner;

import io.hirepipe.contracts.events.PartnerTestSent;
import io.hirepipe.notification.webhook.DeliveryQueue;
import io.hirepipe.notification.webhook.WebhookDelivery;
import io.hirepipe.notification.webhook.WebhookDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Turns "sent by a partner" plus "result final" into exactly one callback delivery, whatever order
 * the two facts arrive in and however often each is redelivered: the delivery's unique key is
 * (completion of this invitation, this channel), so the queue holds it once. Each later change to the
 * final score is one more callback, keyed by the change's event, since a partner that heard "complete"
 * stops asking (Greenhouse reads {@code test_status} again only when called).
 */
@Service
class PartnerCallbacks {

    private static final Logger log = LoggerFactory.getLogger(PartnerCallbacks.class);

    private final PartnerCallbackStore store;
    private final DeliveryQueue queue;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    PartnerCallbacks(PartnerCallbackStore store, DeliveryQueue queue, WebhookDispatcher dispatcher, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    void registered(String tenantId, PartnerTestSent sent) {
        if (!GreenhouseChannel.PARTNER.equals(sent.partner())) {
            log.warn("Ignoring a callback for partner '{}' (invitation {}): no channel for it", sent.partner(),
                    sent.invitationId());
            return;
        }
        Update update = new Update().set("partner", sent.partner()).set("partnerInterviewId", sent.partnerInterviewId())
                .set("callbackUrl", sent.callbackUrl()).set("sealedCallbackKey", sent.sealedCallbackKey())
                .set("registeredAt", sent.sentAt() == null ? now() : sent.sentAt());
        store.upsert(tenantId, sent.invitationId(), null, update).ifPresent(this::callWhenReady);
    }

    /** The invitation's result is final; a later final event (an adjustment, a redelivery) changes nothing. */
    void finalized(String tenantId, String invitationId, Instant at) {
        store.upsert(tenantId, invitationId, Criteria.where("finalAt").is(null),
                new Update().set("finalAt", at == null ? now() : at)).ifPresent(this::callWhenReady);
    }

    /**
     * A reviewer changed the points of a final result. If the partner was already told it is complete, it is
     * told again, once per change (a redelivered change is the same delivery); if it was not (the final event
     * is still on its way), this change makes the result final and the usual callback follows.
     */
    void changedAfterFinal(String tenantId, String invitationId, String changeEventId, Instant at) {
        Optional<PartnerCallback> known = store.find(tenantId, invitationId);
        if (known.isEmpty() || known.get().finalAt() == null) {
            finalized(tenantId, invitationId, at);
        } else if (known.get().readyToCall()) {
            enqueue(known.get(), "changed:" + changeEventId);
        }
    }

    private void callWhenReady(PartnerCallback callback) {
        if (callback.readyToCall()) {
            enqueue(callback, "complete:" + callback.invitationId());
        }
    }

    private void enqueue(PartnerCallback callback, String eventId) {
        boolean queued = queue.enqueue(WebhookDelivery.forChannel(GreenhouseChannel.NAME,
                GreenhouseChannel.keyOf(callback.invitationId()), callback.tenantId(), eventId,
                GreenhouseChannel.TYPE, "", now()));
        if (queued) {
            log.info("Greenhouse callback {} queued for invitation {}", eventId, callback.invitationId());
            dispatcher.wake();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
