package io.hirepipe.notification.webhook;

/**
 * Where a delivery goes when it is not a tenant's webhook subscription: a partner's own callback,
 * such as Greenhouse's completion PATCH. Such deliveries share the webhook machinery: the durable
 * queue in MongoDB, leases, timeouts, the retry schedule with jitter and the delivery log; the
 * channel only decides the request, and checks its URL with the {@link SsrfGuard} before each attempt.
 */
public interface DeliveryChannel {

    /** Stored on the delivery ({@link WebhookDelivery#channel()}); never changes once deliveries exist. */
    String name();

    /** Makes one attempt; never throws for a failed request, only reports it. */
    WebhookSender.Result send(WebhookDelivery delivery);
}
