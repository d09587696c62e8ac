package io.hirepipe.notification.delivery;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import io.hirepipe.notification.mail.EmailMessage;
import io.hirepipe.notification.mail.MailSenderProperties;
import io.hirepipe.notification.mail.SmtpMailer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The decisions of the dispatcher, for the states that are awkward to reach with real infrastructure. */
@ExtendWith(OutputCaptureExtension.class)
class EmailDispatcherTest {

    private final DeliveryLog log = mock(DeliveryLog.class);
    private final SmtpMailer mailer = mock(SmtpMailer.class);
    private final PendingMessages pending = mock(PendingMessages.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final EmailRetryProperties retry = new EmailRetryProperties(Duration.ofSeconds(30), 2,
            Duration.ofMinutes(30), 0, Duration.ofHours(48), Duration.ofSeconds(5), Duration.ofMinutes(2));
    private final EmailDispatcher dispatcher = new EmailDispatcher(log, mailer,
            new MailSenderProperties("Hirepipe <no-reply@mail.hirepipe.example>"),
            new EmailMetrics(new SimpleMeterRegistry(), clock), pending, retry, clock,
            new SmtpRecovery(log, clock, retry));

    private final EventEnvelope<InvitationRevoked> event = EventEnvelope.of(new InvitationRevoked("inv-1", "x"),
            "tenant-1", "corr-1");
    private final EmailMessage email = new EmailMessage("ada@example.org", "Subject", "<p>hi</p>", "hi");

    private static EmailDelivery delivery(DeliveryStatus status, int attempts) {
        return new EmailDelivery("dlv_1", "tenant-1", "evt-1", "InvitationCreated", DeliveryKind.CANDIDATE_INVITATION,
                "ada@example.org", "Subject", "inv-1", status, attempts, null, null, Instant.EPOCH, null, null, null, null,
                Instant.EPOCH);
    }

    @Test
    void aDeliveryLeftPendingByACrashIsSentOnRedelivery() {
        when(log.open(any(), any())).thenReturn(delivery(DeliveryStatus.PENDING, 1));
        when(log.startAttempt(eq("dlv_1"), any(), any())).thenReturn(Optional.of(delivery(DeliveryStatus.PENDING, 2)));

        assertThat(dispatcher.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv-1", email))
                .isEqualTo(EmailDispatcher.Outcome.SENT);

        verify(mailer).send(email, "<dlv_1@mail.hirepipe.example>");
        verify(log).markSent("dlv_1", "<dlv_1@mail.hirepipe.example>");
    }

    @Test
    void aSentDeliveryIsNotSentAgain() {
        when(log.open(any(), any())).thenReturn(delivery(DeliveryStatus.SENT, 1));

        assertThat(dispatcher.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv-1", email))
                .isEqualTo(EmailDispatcher.Outcome.ALREADY_SENT);

        verify(mailer, never()).send(any(), anyString());
    }

    @Test
    void aDeliveryAnotherConsumerHoldsIsHandedToTheRetrierInsteadOfSentTwice() {
        when(log.open(any(), any())).thenReturn(delivery(DeliveryStatus.PENDING, 1));
        when(log.startAttempt(eq("dlv_1"), any(), any())).thenReturn(Optional.empty());
        when(pending.seal(email, "dlv_1")).thenReturn("v1:sealed");
        when(log.handOverIfHeld(eq("dlv_1"), any(), eq("v1:sealed"))).thenReturn(true);

        assertThat(dispatcher.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv-1", email))
                .isEqualTo(EmailDispatcher.Outcome.RETRY_SCHEDULED);

        verify(mailer, never()).send(any(), anyString());
    }

    @Test
    void aDeliverySentByAConcurrentConsumerMeanwhileIsNotSentAgain() {
        when(log.open(any(), any())).thenReturn(delivery(DeliveryStatus.FAILED, 1));
        when(log.startAttempt(eq("dlv_1"), any(), any())).thenReturn(Optional.empty());

        assertThat(dispatcher.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv-1", email))
                .isEqualTo(EmailDispatcher.Outcome.ALREADY_SENT);

        verify(mailer, never()).send(any(), anyString());
    }

    @Test
    void anSmtpFailureKeepsTheMessageSealedForARetryInsteadOfFailingTheEvent() {
        when(log.open(any(), any())).thenReturn(delivery(DeliveryStatus.PENDING, 0));
        when(log.startAttempt(eq("dlv_1"), any(), any())).thenReturn(Optional.of(delivery(DeliveryStatus.PENDING, 1)));
        when(pending.seal(email, "dlv_1")).thenReturn("v1:sealed");
        doThrow(new MailSendException("Mail server connection failed", new java.net.ConnectException("refused")))
                .when(mailer).send(any(), anyString());

        assertThat(dispatcher.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv-1", email))
                .isEqualTo(EmailDispatcher.Outcome.RETRY_SCHEDULED);

        verify(log).scheduleRetry("dlv_1", 1, "ConnectException: refused", "v1:sealed",
                Instant.parse("2026-12-01T10:00:30Z"), true);
        verify(log, never()).markFailed(anyString(), anyString());
        verify(log, never()).markSent(anyString(), anyString());
    }

    @Test
    void aRelayRefusingTheRecipientLeavesTheirAddressOutOfTheLog(CapturedOutput output) throws Exception {
        when(log.open(any(), any())).thenReturn(delivery(DeliveryStatus.PENDING, 0));
        when(log.startAttempt(eq("dlv_1"), any(), any())).thenReturn(Optional.of(delivery(DeliveryStatus.PENDING, 1)));
        when(pending.seal(email, "dlv_1")).thenReturn("v1:sealed");
        // as Jakarta Mail reports a refused RCPT TO: the relay's answer quotes the address
        SendFailedException refused = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(new InternetAddress("ada@example.org"), "RCPT TO:<ada@example.org>", 550,
                        "550 5.1.1 <ada@example.org>: Recipient address rejected: User unknown"));
        doThrow(new MailSendException("Mail server connection failed", refused)).when(mailer).send(any(), anyString());

        assertThat(dispatcher.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv-1", email))
                .isEqualTo(EmailDispatcher.Outcome.RETRY_SCHEDULED);

        String reason = "SMTPAddressFailedException: 550 5.1.1 <[address]>: Recipient address rejected: User unknown";
        verify(log).scheduleRetry("dlv_1", 1, reason, "v1:sealed", Instant.parse("2026-12-01T10:00:30Z"), false);
        assertThat(output).contains("CANDIDATE_INVITATION dlv_1 failed (attempt 1)", reason)
                .doesNotContain("ada@example.org");
    }

    @Test
    void aRedeliveredEventWhoseEmailWaitsForItsRetrySendsNothing() {
        when(log.open(any(), any())).thenReturn(delivery(DeliveryStatus.RETRYING, 1));

        assertThat(dispatcher.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv-1", email))
                .isEqualTo(EmailDispatcher.Outcome.RETRY_SCHEDULED);

        verify(log, never()).startAttempt(anyString(), any(), any());
        verify(mailer, never()).send(any(), anyString());
    }

    @Test
    void pausesGrowUpToTheirCap() {
        EmailRetryProperties retry = new EmailRetryProperties(Duration.ofSeconds(30), 2, Duration.ofMinutes(30), 0,
                Duration.ofHours(48), Duration.ofSeconds(5), Duration.ofMinutes(2));

        assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(retry.delayAfter(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(retry.delayAfter(20)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void jitterStaysWithinItsFraction() {
        EmailRetryProperties retry = new EmailRetryProperties(Duration.ofSeconds(10), 1, Duration.ofSeconds(10), 0.2,
                Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofMinutes(1));

        for (int i = 0; i < 200; i++) {
            assertThat(retry.delayAfter(3)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
        }
    }

    @Test
    void aMessageThatCannotBeBuiltIsNotRetried() {
        when(log.open(any(), any())).thenReturn(delivery(DeliveryStatus.PENDING, 0));
        when(log.startAttempt(eq("dlv_1"), any(), any())).thenReturn(Optional.of(delivery(DeliveryStatus.PENDING, 1)));
        doThrow(new MailPreparationException("bad header")).when(mailer).send(any(), anyString());

        assertThatThrownBy(() -> dispatcher.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv-1", email))
                .isInstanceOf(NonRetryableEventException.class);

        verify(log).markFailed(eq("dlv_1"), anyString());
    }
}
