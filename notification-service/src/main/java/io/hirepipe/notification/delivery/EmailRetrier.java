package io.hirepipe.notification.delivery;

import io.hirepipe.notification.mail.EmailMessage;
import io.hirepipe.notification.mail.SmtpMailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the emails the SMTP server could not take, from the delivery log: each due RETRYING delivery is
 * claimed (so two instances never send it together), sent with its original Message-ID, and then marked
 * SENT, scheduled again with a longer pause, or given up once {@code give-up-after} has passed since it
 * was first recorded. Nothing lives in memory: a restart picks up where the log says.
 */
@Component
class EmailRetrier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmailRetrier.class);
    private static final int MAX_PER_POLL = 50;

    private final DeliveryLog deliveries;
    private final SmtpMailer mailer;
    private final EmailDispatcher dispatcher;
    private final PendingMessages pending;
    private final EmailRetryProperties properties;
    private final Clock clock;
    private final EmailMetrics metrics;
    private final SmtpRecovery recovery;
    private volatile ScheduledExecutorService executor;

    EmailRetrier(DeliveryLog deliveries, SmtpMailer mailer, EmailDispatcher dispatcher, PendingMessages pending,
                 EmailRetryProperties properties, Clock clock, EmailMetrics metrics, SmtpRecovery recovery) {
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.dispatcher = dispatcher;
        this.pending = pending;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
        this.recovery = recovery;
    }

    /** Sends what is due now; returns how many retries were attempted. */
    int retryDue() {
        int attempted = 0;
        while (attempted < MAX_PER_POLL) {
            Instant now = clock.instant();
            Optional<EmailDelivery> claimed = deliveries.claimDueRetry(now, now.plus(properties.hold()));
            if (claimed.isEmpty()) {
                break;
            }
            retry(claimed.get(), now);
            attempted++;
        }
        return attempted;
    }

    private void retry(EmailDelivery delivery, Instant now) {
        EmailMessage email;
        try {
            email = pending.open(delivery.pendingMessage(), delivery.id());
        } catch (RuntimeException unreadable) {
            // Only a changed secrets key gets here; retrying cannot help and the log says so.
            deliveries.markFailed(delivery.id(), "The kept message cannot be read: " + unreadable.getMessage());
            metrics.rejected(delivery.kind());
            return;
        }
        try {
            mailer.send(email, dispatcher.messageIdOf(delivery.id()));
        } catch (MailException e) {
            String reason = EmailDispatcher.describe(e);
            if (EmailDispatcher.isPermanent(e) || !now.isBefore(delivery.createdAt().plus(properties.giveUpAfter()))) {
                deliveries.markFailed(delivery.id(), reason);
                metrics.rejected(delivery.kind());
                log.warn("{} {} given up after {} attempts: {}", delivery.kind(), delivery.id(), delivery.attempts(),
                        reason);
                return;
            }
            Instant next = now.plus(properties.delayAfter(delivery.attempts()));
            deliveries.scheduleRetry(delivery.id(), delivery.attempts(), reason, delivery.pendingMessage(), next,
                    recovery.failed(e));
            metrics.failed(delivery.kind());
            log.info("{} {} failed again (attempt {}), next at {}: {}", delivery.kind(), delivery.id(),
                    delivery.attempts(), next, reason);
            return;
        }
        recovery.accepted();
        if (deliveries.markRetrySent(delivery.id(), delivery.attempts(), dispatcher.messageIdOf(delivery.id()))) {
            // The lag runs from what the email reports (a report: the submit), as for a first-time send; deliveries
            // recorded before that was kept run from when the email was first asked for.
            metrics.sent(delivery.kind(), delivery.lagFrom() != null ? delivery.lagFrom() : delivery.createdAt());
            log.info("{} {} sent on retry (attempt {})", delivery.kind(), delivery.id(), delivery.attempts());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "email-retrier");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::retryDueSafely, properties.pollInterval().toMillis(),
                properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    private void retryDueSafely() {
        try {
            retryDue();
        } catch (RuntimeException e) {
            // MongoDB away for a moment: the next poll tries again; a thrown exception would end the schedule.
            log.warn("Email retry poll failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
