package io.hirepipe.notification.webhook;

import io.hirepipe.defaults.kafka.NonRetryableEventException;
import io.hirepipe.notification.delivery.DeliveryKind;
import io.hirepipe.notification.delivery.DeliveryLog.NewDelivery;
import io.hirepipe.notification.delivery.EmailDispatcher;
import io.hirepipe.notification.mail.EmailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.util.Optional;

/**
 * Tells the subscription's alert address (else the tenant's recruiter) that a subscription was disabled, through the email log (so it is
 * sent once per disabling and shows among the tenant's emails). Sent once, not retried: the
 * subscription's own state says it is disabled, and the delivery log shows a failed notice.
 */
@Component
public class SubscriptionDisabledNotice {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionDisabledNotice.class);

    private final TenantContacts contacts;
    private final EmailDispatcher emails;

    public SubscriptionDisabledNotice(TenantContacts contacts, EmailDispatcher emails) {
        this.contacts = contacts;
        this.emails = emails;
    }

    public void send(WebhookSubscription subscription, String reason, Instant disabledAt) {
        Optional<String> recruiter = Optional.ofNullable(subscription.alertEmail())
                .or(() -> contacts.recruiterEmail(subscription.tenantId()));
        if (recruiter.isEmpty()) {
            log.warn("Webhook subscription {} disabled, but no recruiter address is known for tenant {}",
                    subscription.id(), subscription.tenantId());
            return;
        }
        // The endpoint by its host only: the address is whichever one the tenant's events last named (chosen by
        // whoever created an invitation), and the subject shows in the email log every VIEWER of the tenant reads.
        String host = WebhookSubscription.hostOf(subscription.url());
        String subject = "Webhook disabled: " + host;
        String text = """
                Hirepipe stopped sending webhooks to your endpoint at %s (subscription %s%s).

                Why: %s.

                Events are no longer delivered to it. Once the endpoint works again, enable the
                subscription (PUT /api/notifications/webhooks/%s with "enabled": true) and redeliver
                what failed meanwhile (POST /api/notifications/webhooks/%s/deliveries/redeliver-failed).
                """.formatted(host, subscription.id(),
                subscription.description() == null || subscription.description().isBlank() ? ""
                        : ", \"" + subscription.description() + "\"",
                reason, subscription.id(), subscription.id());
        String html = "<p>" + HtmlUtils.htmlEscape(text).replace("\n\n", "</p><p>") + "</p>";
        try {
            // Through the dispatcher: once per disabling, and retried from the delivery log if SMTP is down.
            emails.send(new NewDelivery(subscription.tenantId(),
                    "webhook-disabled:" + subscription.id() + ":" + disabledAt.toEpochMilli(), "WebhookDisabled",
                    DeliveryKind.RECRUITER_WEBHOOK_DISABLED, recruiter.get(), subject, subscription.id()),
                    disabledAt, new EmailMessage(recruiter.get(), subject, html, text));
        } catch (NonRetryableEventException e) {
            log.warn("Could not send the webhook-disabled notice for subscription {}: {}", subscription.id(),
                    e.getMessage());
        }
    }
}
