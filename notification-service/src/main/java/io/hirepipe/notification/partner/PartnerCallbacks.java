package io.hirepipe.notification.partner;

import io.hirepipe.contracts.events.PartnerResultReady;
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

/**
 * Turns "sent by a partner" plus "result final and applied" (PartnerResultReady) into exactly one callback
 * delivery, whatever order the two facts arrive in and however often each is redelivered: the delivery's
 * unique key is (completion of this invitation, this channel), so the queue holds it once. Each later change
 * to the final totals is one more callback, keyed by the announcement's version, since a partner that heard
 * "complete" stops asking (Greenhouse reads {@code test_status} again only when called).
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

    /**
     * assessment-service applied a final result (version 1) or a change to its final totals (2, 3, …), so the
     * partner's status call reads it now. The first is the completion callback, sent once whichever of this and
     * the registration comes second; each later version is one more callback, since a partner that heard
     * "complete" stops asking. A redelivered announcement has the same version: the same delivery.
     */
    void resultReady(String tenantId, PartnerResultReady ready) {
        if (!GreenhouseChannel.PARTNER.equals(ready.partner())) {
            log.warn("Ignoring a result for partner '{}' (invitation {}): no channel for it", ready.partner(),
                    ready.invitationId());
            return;
        }
        Instant at = ready.resultAt() == null ? now() : ready.resultAt();
        store.upsert(tenantId, ready.invitationId(), Criteria.where("finalAt").is(null), new Update().set("finalAt", at))
                .filter(PartnerCallback::readyToCall)
                .ifPresent(callback -> enqueue(callback, ready.resultVersion() <= 1 ? completion(callback)
                        : "changed:" + callback.invitationId() + ":v" + ready.resultVersion()));
    }

    private void callWhenReady(PartnerCallback callback) {
        if (callback.readyToCall()) {
            enqueue(callback, completion(callback));
        }
    }

    /** The first callback's delivery key, as the build before this one used: an upgrade does not send it twice. */
    private static String completion(PartnerCallback callback) {
        return "complete:" + callback.invitationId();
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
