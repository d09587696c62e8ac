package io.hirepipe.notification.delivery;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import io.hirepipe.notification.mail.EmailMessage;
import io.hirepipe.notification.mail.MailSenderProperties;
import io.hirepipe.notification.mail.SmtpMailer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

import java.time.Clock;
import java.time.Instant;
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
class EmailDispatcherTest {

    private final DeliveryLog log = mock(DeliveryLog.class);
    private final SmtpMailer mailer = mock(SmtpMailer.class);
    private final EmailDispatcher dispatcher = new EmailDispatcher(log, mailer,
            new MailSenderProperties("Hirepipe <no-reply@mail.hirepipe.example>"),
            new EmailMetrics(new SimpleMeterRegistry(), Clock.systemUTC()));

    private final EventEnvelope<InvitationRevoked> event = EventEnvelope.of(new InvitationRevoked("inv-1", "x"),
            "tenant-1", "corr-1");
    private final EmailMessage email = new EmailMessage("ada@example.org", "Subject", "<p>hi</p>", "hi");

    private static EmailDelivery delivery(DeliveryStatus status, int attempts) {
        return new EmailDelivery("dlv_1", "tenant-1", "evt-1", "InvitationCreated", DeliveryKind.CANDIDATE_INVITATION,
                "ada@example.org", "Subject", "inv-1", status, attempts, null, null, Instant.EPOCH, null, null);
    }

    @Test
    void aDeliveryLeftPendingByACrashIsSentOnRedelivery() {
        when(log.open(any())).thenReturn(delivery(DeliveryStatus.PENDING, 1));
        when(log.startAttempt("dlv_1")).thenReturn(Optional.of(delivery(DeliveryStatus.PENDING, 2)));

        assertThat(dispatcher.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv-1", email))
                .isEqualTo(EmailDispatcher.Outcome.SENT);

        verify(mailer).send(email, "<dlv_1@mail.hirepipe.example>");
        verify(log).markSent("dlv_1", "<dlv_1@mail.hirepipe.example>");
    }

    @Test
    void aSentDeliveryIsNotSentAgain() {
        when(log.open(any())).thenReturn(delivery(DeliveryStatus.SENT, 1));

        assertThat(dispatcher.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv-1", email))
                .isEqualTo(EmailDispatcher.Outcome.ALREADY_SENT);

        verify(mailer, never()).send(any(), anyString());
    }

    @Test
    void aDeliverySentByAConcurrentConsumerMeanwhileIsNotSentAgain() {
        when(log.open(any())).thenReturn(delivery(DeliveryStatus.FAILED, 1));
        when(log.startAttempt("dlv_1")).thenReturn(Optional.empty());

        assertThat(dispatcher.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv-1", email))
                .isEqualTo(EmailDispatcher.Outcome.ALREADY_SENT);

        verify(mailer, never()).send(any(), anyString());
    }

    @Test
    void anSmtpFailureIsRecordedAndRetryable() {
        when(log.open(any())).thenReturn(delivery(DeliveryStatus.PENDING, 0));
        when(log.startAttempt("dlv_1")).thenReturn(Optional.of(delivery(DeliveryStatus.PENDING, 1)));
        doThrow(new MailSendException("Mail server connection failed", new java.net.ConnectException("refused")))
                .when(mailer).send(any(), anyString());

        assertThatThrownBy(() -> dispatcher.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv-1", email))
                .isInstanceOf(EmailNotSentException.class);

        verify(log).markFailed("dlv_1", "ConnectException: refused");
        verify(log, never()).markSent(anyString(), anyString());
    }

    @Test
    void aMessageThatCannotBeBuiltIsNotRetried() {
        when(log.open(any())).thenReturn(delivery(DeliveryStatus.PENDING, 0));
        when(log.startAttempt("dlv_1")).thenReturn(Optional.of(delivery(DeliveryStatus.PENDING, 1)));
        doThrow(new MailPreparationException("bad header")).when(mailer).send(any(), anyString());

        assertThatThrownBy(() -> dispatcher.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv-1", email))
                .isInstanceOf(NonRetryableEventException.class);

        verify(log).markFailed(eq("dlv_1"), anyString());
    }
}
