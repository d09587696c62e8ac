package io.hirepipe.notification.delivery;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import io.hirepipe.notification.delivery.DeliveryLog.NewDelivery;
import io.hirepipe.notification.mail.EmailMessage;
import io.hirepipe.notification.mail.MailSenderProperties;
import io.hirepipe.notification.mail.SmtpMailer;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Service;

import java.util.Locale;
import java.util.Optional;

/**
 * Sends an email at most once per (event, recipient, kind) as far as this service can know: the
 * delivery is recorded PENDING first, then sent, then marked SENT. A redelivered event whose email
 * is SENT sends nothing; one that is PENDING or FAILED is tried again. The one gap, a crash between
 * the SMTP server accepting and the SENT mark, resends with the same Message-ID.
 */
@Service
public class EmailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

    private final DeliveryLog deliveries;
    private final SmtpMailer mailer;
    private final String messageIdDomain;
    private final EmailMetrics metrics;

    public EmailDispatcher(DeliveryLog deliveries, SmtpMailer mailer, MailSenderProperties properties,
                           EmailMetrics metrics) {
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.metrics = metrics;
        this.messageIdDomain = domainOf(properties.from());
    }

    public enum Outcome { SENT, ALREADY_SENT }

    /**
     * @param subjectRef what the email is about (invitation id, session id), shown in the log
     * @throws EmailNotSentException       when the SMTP server could not take it: retryable
     * @throws NonRetryableEventException  when it can never be sent (invalid recipient, unbuildable message)
     */
    public Outcome dispatch(EventEnvelope<?> event, DeliveryKind kind, String subjectRef, EmailMessage email) {
        EmailDelivery delivery = deliveries.open(new NewDelivery(event.tenantId(), event.eventId(), event.type(), kind,
                email.to(), email.subject(), subjectRef));
        if (delivery.status() == DeliveryStatus.SENT) {
            log.info("{} {} for event {} already sent; nothing to do", kind, delivery.id(), event.eventId());
            return Outcome.ALREADY_SENT;
        }
        Optional<EmailDelivery> attempt = deliveries.startAttempt(delivery.id());
        if (attempt.isEmpty()) {
            return Outcome.ALREADY_SENT;
        }
        if (!isValidAddress(email.to())) {
            deliveries.markFailed(delivery.id(), "Invalid recipient address");
            metrics.rejected(kind);
            throw new NonRetryableEventException(kind + " for event " + event.eventId() + ": invalid recipient address");
        }
        String messageId = "<" + delivery.id() + "@" + messageIdDomain + ">";
        try {
            mailer.send(email, messageId);
        } catch (MailException e) {
            String reason = describe(e);
            deliveries.markFailed(delivery.id(), reason);
            if (e instanceof MailPreparationException || e instanceof MailParseException) {
                metrics.rejected(kind);
                throw new NonRetryableEventException(kind + " for event " + event.eventId() + " cannot be built: "
                        + reason, e);
            }
            // recipients are personal data: the delivery id leads operators to them, logs need not
            metrics.failed(kind);
            log.warn("{} {} failed (attempt {}): {}", kind, delivery.id(), attempt.get().attempts(), reason);
            throw new EmailNotSentException(delivery.id(), reason, e);
        }
        deliveries.markSent(delivery.id(), messageId);
        metrics.sent(kind, event.occurredAt());
        log.info("{} {} sent (attempt {})", kind, delivery.id(), attempt.get().attempts());
        return Outcome.SENT;
    }

    private static boolean isValidAddress(String address) {
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    private static String describe(MailException e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            int at = address.lastIndexOf('@');
            return at < 0 ? "hirepipe.local" : address.substring(at + 1).toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw new IllegalStateException("hirepipe.mail.from is not a valid address: " + from, e);
        }
    }
}
