package io.hirepipe.notification.delivery;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** Which SMTP failures mean the server was away (its waiting emails may go when it is back), not this message. */
class SmtpRecoveryTest {

    @Test
    void aRefusedConnectionATimeOutOrRejectedCredentialsMeanTheServerWasAway() {
        assertThat(SmtpRecovery.serverUnreachable(new MailSendException("Mail server connection failed",
                new MessagingException("Could not connect", new ConnectException("Connection refused"))))).isTrue();
        assertThat(SmtpRecovery.serverUnreachable(new MailSendException("send failed",
                new SocketTimeoutException("Read timed out")))).isTrue();
        assertThat(SmtpRecovery.serverUnreachable(new MailAuthenticationException("535 bad credentials"))).isTrue();
    }

    @Test
    void aFailureFoundOnlyAmongTheFailedMessagesCountsToo() {
        MailSendException perMessage = new MailSendException(Map.of(new Object(),
                new MessagingException("Exception reading response", new java.net.SocketException("Connection reset"))));

        assertThat(SmtpRecovery.serverUnreachable(perMessage)).isTrue();
    }

    @Test
    void aRecipientTheServerRefusesIsAboutThatMessageAlone() {
        assertThat(SmtpRecovery.serverUnreachable(new MailSendException("Failed messages",
                new MessagingException("450 4.2.2 Mailbox full")))).isFalse();
        assertThat(SmtpRecovery.serverUnreachable(new MailSendException("no cause"))).isFalse();
    }

    @Test
    void theWaitingEmailsAreFreedOnceAfterAnOutageAndAtMostOncePerFirstBackOffStep() {
        DeliveryLog deliveries = mock(DeliveryLog.class);
        Instant[] now = {Instant.parse("2026-12-01T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        SmtpRecovery recovery = new SmtpRecovery(deliveries, clock, new EmailRetryProperties(Duration.ofSeconds(30), 2,
                Duration.ofMinutes(30), 0, Duration.ofHours(48), Duration.ofSeconds(5), Duration.ofMinutes(2)));
        MailSendException refused = new MailSendException("down", new ConnectException("Connection refused"));

        recovery.accepted();                       // after a start: what waited while the instance was down
        recovery.accepted();
        verify(deliveries, times(1)).retryWaitingForServerNow(any());

        recovery.failed(refused);
        now[0] = now[0].plusSeconds(10);
        recovery.accepted();                       // too soon after the last time: stays armed
        verify(deliveries, times(1)).retryWaitingForServerNow(any());
        now[0] = now[0].plusSeconds(25);
        recovery.accepted();
        verify(deliveries, times(2)).retryWaitingForServerNow(any());

        recovery.failed(new MailSendException("550 mailbox unavailable"));
        now[0] = now[0].plusSeconds(60);
        recovery.accepted();                       // that failure was about one message, not the server
        verify(deliveries, times(2)).retryWaitingForServerNow(any());
    }
}
