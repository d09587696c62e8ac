package io.hirepipe.notification.delivery;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import io.hirepipe.defaults.privacy.EmailAddresses;
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

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends an email at most once per (event, recipient, kind) as far as this service can know: the
 * delivery is recorded PENDING first, then sent, then marked SENT. A redelivered event whose email
 * is SENT (or waiting for a retry) sends nothing; one that is PENDING or FAILED is tried again. The one
 * gap, a crash between the SMTP server accepting and the SENT mark, resends with the same Message-ID.
 *
 * <p>When the SMTP server cannot take it, the email is not handed back to Kafka (whose retries last
 * seconds, then dead-letter it): it is kept, encrypted, in the delivery log and {@link EmailRetrier}
 * tries again with growing pauses for as long as {@code hirepipe.mail.retry.give-up-after}.
 */
@Service
public class EmailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

    private final DeliveryLog deliveries;
    private final SmtpMailer mailer;
    private final String messageIdDomain;
    private final EmailMetrics metrics;
    private final PendingMessages pending;
    private final EmailRetryProperties retry;
    private final Clock clock;
    private final SmtpRecovery recovery;

    public EmailDispatcher(DeliveryLog deliveries, SmtpMailer mailer, MailSenderProperties properties,
                           EmailMetrics metrics, PendingMessages pending, EmailRetryProperties retry, Clock clock,
                           SmtpRecovery recovery) {
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.metrics = metrics;
        this.messageIdDomain = domainOf(properties.from());
        this.pending = pending;
        this.retry = retry;
        this.clock = clock;
        this.recovery = recovery;
    }

    public enum Outcome { SENT, ALREADY_SENT, RETRY_SCHEDULED }

    /**
     * @param subjectRef what the email is about (invitation id, session id), shown in the log
     * @throws NonRetryableEventException  when it can never be sent (invalid recipient, unbuildable message)
     */
    public Outcome dispatch(EventEnvelope<?> event, DeliveryKind kind, String subjectRef, EmailMessage email) {
        return dispatch(event, kind, subjectRef, email, event.occurredAt());
    }

    /** As {@link #dispatch(EventEnvelope, DeliveryKind, String, EmailMessage)}, the email lag counted from {@code since}. */
    public Outcome dispatch(EventEnvelope<?> event, DeliveryKind kind, String subjectRef, EmailMessage email,
                            Instant since) {
        return send(new NewDelivery(event.tenantId(), event.eventId(), event.type(), kind, email.to(), email.subject(),
                subjectRef), since, email);
    }

    /**
     * As {@link #dispatch} for an email no event asked for (a notice this service decides to send itself);
     * {@code request.eventId()} is then whatever makes it unique.
     *
     * @param occurredAt when what the email reports happened (for the email lag metric)
     */
    public Outcome send(NewDelivery request, Instant occurredAt, EmailMessage email) {
        DeliveryKind kind = request.kind();
        String eventId = request.eventId();
        EmailDelivery delivery = deliveries.open(request, occurredAt);
        if (delivery.status() == DeliveryStatus.SENT) {
            log.info("{} {} for event {} already sent; nothing to do", kind, delivery.id(), eventId);
            return Outcome.ALREADY_SENT;
        }
        if (delivery.status() == DeliveryStatus.RETRYING) {
            log.info("{} {} for event {} waits for its retry; nothing to do", kind, delivery.id(), eventId);
            return Outcome.RETRY_SCHEDULED;
        }
        Instant now = clock.instant();
        Optional<EmailDelivery> attempt = deliveries.startAttempt(delivery.id(), now, now.plus(retry.hold()));
        if (attempt.isEmpty()) {
            if (deliveries.handOverIfHeld(delivery.id(), now, pending.seal(email, delivery.id()))) {
                log.info("{} {} for event {} is being sent by another consumer; the retrier covers it should that "
                        + "one fail", kind, delivery.id(), eventId);
                return Outcome.RETRY_SCHEDULED;
            }
            return Outcome.ALREADY_SENT;
        }
        if (!isValidAddress(email.to())) {
            deliveries.markFailed(delivery.id(), "Invalid recipient address");
            metrics.rejected(kind);
            throw new NonRetryableEventException(kind + " for event " + eventId + ": invalid recipient address");
        }
        String messageId = messageIdOf(delivery.id());
        try {
            mailer.send(email, messageId);
        } catch (MailException e) {
            String reason = describe(e);
            if (isPermanent(e)) {
                deliveries.markFailed(delivery.id(), reason);
                metrics.rejected(kind);
                throw new NonRetryableEventException(kind + " for event " + eventId + " cannot be built: "
                        + reason, e);
            }
            int attempts = attempt.get().attempts();
            Instant next = clock.instant().plus(retry.delayAfter(attempts));
            deliveries.scheduleRetry(delivery.id(), attempts, reason, pending.seal(email, delivery.id()), next,
                    recovery.failed(e));
            // recipients are personal data: the delivery id leads operators to them, logs need not
            metrics.failed(kind);
            log.warn("{} {} failed (attempt {}), retrying at {}: {}", kind, delivery.id(), attempts, next, reason);
            return Outcome.RETRY_SCHEDULED;
        }
        deliveries.markSent(delivery.id(), messageId);
        recovery.accepted();
        metrics.sent(kind, occurredAt);
        log.info("{} {} sent (attempt {})", kind, delivery.id(), attempt.get().attempts());
        return Outcome.SENT;
    }

    String messageIdOf(String deliveryId) {
        return "<" + deliveryId + "@" + messageIdDomain + ">";
    }

    /** Failures no retry can cure: the message itself cannot be built. */
    static boolean isPermanent(MailException e) {
        return e instanceof MailPreparationException || e instanceof MailParseException;
    }

    private static boolean isValidAddress(String address) {
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    /**
     * Why a send failed, as logged, stored as the delivery's last error and carried by a dead letter. An SMTP
     * server's refusal usually quotes the recipient ({@code 550 5.1.1 <ada@example.org>: Recipient address
     * rejected}); addresses are masked, since logs are kept beyond the retention and erasure the recipient's
     * address has. The delivery names its recipient where that is kept.
     */
    static String describe(MailException e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        String message = cause.getMessage() == null ? "" : ": " + EmailAddresses.masked(cause.getMessage());
        return cause.getClass().getSimpleName() + message;
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
