package io.hirepipe.notification.webhook;

import io.hirepipe.notification.delivery.DeliveryKind;
import io.hirepipe.notification.delivery.DeliveryLog;
import io.hirepipe.notification.delivery.DeliveryLog.NewDelivery;
import io.hirepipe.notification.delivery.DeliveryStatus;
import io.hirepipe.notification.delivery.EmailDelivery;
import io.hirepipe.notification.mail.EmailMessage;
import io.hirepipe.notification.mail.SmtpMailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.util.Optional;

/**
 * Tells the tenant's recruiter that a subscription was disabled, through the email log (so it is
 * sent once per disabling and shows among the tenant's emails). Sent once, not retried: the
 * subscription's own state says it is disabled, and the delivery log shows a failed notice.
 */
@Component
public class SubscriptionDisabledNotice {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionDisabledNotice.class);

    private final TenantContacts contacts;
    private final DeliveryLog emails;
    private final SmtpMailer mailer;

    public SubscriptionDisabledNotice(TenantContacts contacts, DeliveryLog emails, SmtpMailer mailer) {
        this.contacts = contacts;
        this.emails = emails;
        this.mailer = mailer;
    }

    public void send(WebhookSubscription subscription, String reason, Instant disabledAt) {
        Optional<String> recruiter = contacts.recruiterEmail(subscription.tenantId());
        if (recruiter.isEmpty()) {
            log.warn("Webhook subscription {} disabled, but no recruiter address is known for tenant {}",
                    subscription.id(), subscription.tenantId());
            return;
        }
        String subject = "Webhook disabled: " + subscription.url();
        EmailDelivery delivery = emails.open(new NewDelivery(subscription.tenantId(),
                "webhook-disabled:" + subscription.id() + ":" + disabledAt.toEpochMilli(), "WebhookDisabled",
                DeliveryKind.RECRUITER_WEBHOOK_DISABLED, recruiter.get(), subject, subscription.id()));
        if (delivery.status() == DeliveryStatus.SENT || emails.startAttempt(delivery.id()).isEmpty()) {
            return;
        }
        String text = """
                Hirepipe stopped sending webhooks to %s (subscription %s%s).

                Why: %s.

                Events are no longer delivered to it. Once the endpoint works again, enable the
                subscription (PUT /api/notifications/webhooks/%s with "enabled": true) and redeliver
                what failed meanwhile (POST /api/notifications/webhooks/%s/deliveries/redeliver-failed).
                """.formatted(subscription.url(), subscription.id(),
                subscription.description() == null || subscription.description().isBlank() ? ""
                        : ", \"" + subscription.description() + "\"",
                reason, subscription.id(), subscription.id());
        String html = "<p>" + HtmlUtils.htmlEscape(text).replace("\n\n", "</p><p>") + "</p>";
        try {
            mailer.send(new EmailMessage(recruiter.get(), subject, html, text),
                    "<" + delivery.id() + "@hirepipe.local>");
            emails.markSent(delivery.id(), "<" + delivery.id() + "@hirepipe.local>");
        } catch (MailException e) {
            emails.markFailed(delivery.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
            log.warn("Could not send the webhook-disabled notice {}: {}", delivery.id(), e.toString());
        }
    }
}
