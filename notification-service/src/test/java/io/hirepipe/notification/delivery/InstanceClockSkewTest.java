package io.hirepipe.notification.delivery;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.defaults.clock.DatabaseAlignedClock;
import io.hirepipe.embedded.SmtpSink;
import io.hirepipe.notification.NotificationServiceTest;
import io.hirepipe.notification.mail.EmailMessage;
import io.hirepipe.notification.mail.MailSenderProperties;
import io.hirepipe.notification.mail.SmtpMailer;
import io.hirepipe.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static io.hirepipe.notification.TestEvents.id;
import static io.hirepipe.notification.TestEvents.mailbox;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A send is held by one instance until its deadline. Another instance, whose own clock runs further ahead than the
 * hold, is handed the same event after a rebalance: timed on its own clock, the hold would look over to it and the
 * recruiter would get the email twice. Both instances time it on the database's clock.
 */
class InstanceClockSkewTest extends NotificationServiceTest {

    @Autowired
    Clock clock;
    @Autowired
    DeliveryLog deliveries;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    SmtpMailer mailer;
    @Autowired
    MailSenderProperties mail;
    @Autowired
    EmailMetrics metrics;
    @Autowired
    PendingMessages pending;
    @Autowired
    EmailRetryProperties retry;

    private final SmtpSink smtp = TestInfrastructure.smtp();

    @Test
    void theServiceTimesItsLeasesOnTheDatabasesClock() {
        assertThat(clock).isInstanceOf(DatabaseAlignedClock.class);
    }

    @Test
    void anInstanceWhoseClockRunsAheadDoesNotSendAnEmailAnotherInstanceIsSending() {
        String recipient = mailbox("skewed");
        EventEnvelope<InvitationRevoked> event = EventEnvelope.of(new InvitationRevoked(id("inv"), "skew"),
                id("tenant"), "corr-skew");
        EmailMessage email = new EmailMessage(recipient, "Once", "<p>once</p>", "once");

        // This instance opens the delivery and holds its send, as its consumer does just before it talks to SMTP.
        EmailDelivery held = deliveries.open(new DeliveryLog.NewDelivery(event.tenantId(), event.eventId(), event.type(),
                DeliveryKind.CANDIDATE_INVITATION, recipient, email.subject(), "inv"), event.occurredAt());
        Instant now = clock.instant();
        assertThat(deliveries.startAttempt(held.id(), now, now.plus(retry.hold()))).isPresent();

        Clock minutesAhead = Clock.offset(Clock.systemUTC(), retry.hold().plusMinutes(3));
        try (DatabaseAlignedClock otherInstance = DatabaseAlignedClock.of(mongo, minutesAhead, Duration.ZERO)) {
            DeliveryLog otherLog = new DeliveryLog(mongo, otherInstance);
            EmailDispatcher other = new EmailDispatcher(otherLog, mailer, mail, metrics, pending, retry, otherInstance,
                    new SmtpRecovery(otherLog, otherInstance, retry));

            assertThat(other.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv", email))
                    .as("the other instance leaves the held send to its holder (the retrier covers it should that one fail)")
                    .isEqualTo(EmailDispatcher.Outcome.RETRY_SCHEDULED);
        } finally {
            deliveries.markSent(held.id(), "<" + held.id() + "@test>");
        }
        // dispatch returns once SMTP has taken a message, so one sent by the other instance would be here already
        assertThat(smtp.messages()).noneMatch(m -> m.isAddressedTo(recipient));
    }
}
