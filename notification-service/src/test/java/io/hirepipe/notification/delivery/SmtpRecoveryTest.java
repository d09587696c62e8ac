package io.hirepipe.notification.delivery;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
}
