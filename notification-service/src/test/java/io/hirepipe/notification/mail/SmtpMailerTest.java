package io.hirepipe.notification.mail;

import io.hirepipe.embedded.ReceivedMail;
import io.hirepipe.embedded.SmtpSink;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real SMTP to a sink of this test's own (it is stopped and started here), over kept connections. */
class SmtpMailerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private SmtpSink sink;
    private SmtpConnections connections;
    private SmtpMailer mailer;

    @BeforeEach
    void start() {
        sink = SmtpSink.start(0, null);
        connections = connections(100);
        mailer = new SmtpMailer(settings(), connections, new MailSenderProperties("Hirepipe <no-reply@hirepipe.local>"));
    }

    @AfterEach
    void stop() {
        connections.destroy();
        sink.close();
    }

    @Test
    void emailsOneAfterAnotherShareOneConnectionAndKeepTheirOwnMessageIds() {
        for (int i = 1; i <= 3; i++) {
            mailer.send(email("ada" + i + "@example.org"), "<dlv_" + i + "@hirepipe.local>");
        }

        List<ReceivedMail> mails = sink.awaitMessages(3, WAIT);
        assertThat(mails).extracting(ReceivedMail::to).containsExactly(List.of("ada1@example.org"),
                List.of("ada2@example.org"), List.of("ada3@example.org"));
        assertThat(mails.get(1).rawEml()).contains("Message-ID: <dlv_2@hirepipe.local>");
        assertThat(mails.get(1).textBody()).isEqualTo("Your report");
        assertThat(mails.get(1).htmlBody()).isEqualTo("<p>Your report</p>");
        assertThat(connections.open()).as("one connection carried all three").isEqualTo(1);
    }

    @Test
    void aReplyGoesWhereTheEmailSaysAndAnUnusableReplyAddressIsLeftOut() {
        mailer.send(new EmailMessage("ada@example.org", "Your test", "<p>hi</p>", "hi", "rec@example.org"),
                "<dlv_r1@hirepipe.local>");
        mailer.send(new EmailMessage("bob@example.org", "Your test", "<p>hi</p>", "hi", "not an address"),
                "<dlv_r2@hirepipe.local>");

        assertThat(sink.awaitMessage(m -> m.isAddressedTo("ada@example.org"), WAIT).rawEml())
                .contains("Reply-To: rec@example.org");
        assertThat(sink.awaitMessage(m -> m.isAddressedTo("bob@example.org"), WAIT).rawEml())
                .as("the email still goes, without a Reply-To").doesNotContain("Reply-To");
    }

    @Test
    void aKeptConnectionTheServerClosedIsReplacedAndTheEmailStillArrives() {
        mailer.send(email("first@example.org"), "<dlv_a@hirepipe.local>");
        sink.awaitMessage(m -> m.isAddressedTo("first@example.org"), WAIT);

        sink.stopListening(); // closes the kept connection from the server's side
        sink.startListening();
        mailer.send(email("second@example.org"), "<dlv_b@hirepipe.local>");

        assertThat(sink.awaitMessage(m -> m.isAddressedTo("second@example.org"), WAIT).rawEml())
                .contains("Message-ID: <dlv_b@hirepipe.local>");
        assertThat(sink.messages()).filteredOn(m -> m.isAddressedTo("second@example.org")).hasSize(1);
    }

    @Test
    void whileTheServerIsDownTheSendFailsAsRetryableAndWorksAgainWhenItIsBack() {
        mailer.send(email("first@example.org"), "<dlv_a@hirepipe.local>");
        sink.stopListening();

        assertThatThrownBy(() -> mailer.send(email("later@example.org"), "<dlv_b@hirepipe.local>"))
                .as("a send failure the delivery log retries, not a message that can never be built")
                .isInstanceOf(MailSendException.class)
                .isNotInstanceOf(MailPreparationException.class);
        assertThat(connections.open()).as("no broken connection is kept").isZero();

        sink.startListening();
        mailer.send(email("later@example.org"), "<dlv_b@hirepipe.local>");
        sink.awaitMessage(m -> m.isAddressedTo("later@example.org"), WAIT);
    }

    @Test
    void aBlankLoginIsNotSentSoARelayThatNeedsNoneStillTakesTheEmail() throws Exception {
        // a relay that offers AUTH and refuses unknown logins, but takes mail without one (GreenMail's defaults)
        GreenMail relay = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        relay.start();
        // what a deployment gets from an empty SPRING_MAIL_USERNAME / SPRING_MAIL_PASSWORD (a blank secret or .env line)
        JavaMailSenderImpl blankLogin = settings();
        blankLogin.setPort(relay.getSmtp().getPort());
        blankLogin.setUsername("");
        blankLogin.setPassword("");
        SmtpConnections relayConnections = new SmtpConnections(blankLogin,
                new SmtpConnectionProperties(4, 100, Duration.ofSeconds(30)));
        try {
            new SmtpMailer(blankLogin, relayConnections, new MailSenderProperties("Hirepipe <no-reply@hirepipe.local>"))
                    .send(email("ada@example.org"), "<dlv_blank@hirepipe.local>");

            assertThat(relay.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
            assertThat(relay.getReceivedMessages()[0].getAllRecipients()[0]).hasToString("ada@example.org");
        } finally {
            relayConnections.destroy();
            relay.stop();
        }
    }

    @Test
    void aConnectionIsClosedAfterItsMessageLimit() {
        connections.destroy();
        connections = connections(2);
        mailer = new SmtpMailer(settings(), connections, new MailSenderProperties("Hirepipe <no-reply@hirepipe.local>"));

        mailer.send(email("one@example.org"), "<dlv_1@hirepipe.local>");
        assertThat(connections.open()).isEqualTo(1);
        mailer.send(email("two@example.org"), "<dlv_2@hirepipe.local>");
        assertThat(connections.open()).as("closed after its second message").isZero();
        mailer.send(email("three@example.org"), "<dlv_3@hirepipe.local>");

        assertThat(sink.awaitMessages(3, WAIT)).hasSize(3);
    }

    @Test
    void onlyAConnectionThatEndedCountsAsBrokenNotAServerThatRefusedTheMessage() {
        assertThat(SmtpConnections.isBrokenConnection(new MessagingException("Can't send command to SMTP host",
                new SocketException("Broken pipe")))).isTrue();
        assertThat(SmtpConnections.isBrokenConnection(new MessagingException("[EOF]"))).isTrue();
        assertThat(SmtpConnections.isBrokenConnection(new MessagingException("421 4.3.2 Service shutting down")))
                .isTrue();
        assertThat(SmtpConnections.isBrokenConnection(new IllegalStateException("Not connected"))).isTrue();
        assertThat(SmtpConnections.isBrokenConnection(new MessagingException("550 5.1.1 No such user"))).isFalse();
        assertThat(SmtpConnections.isBrokenConnection(new MessagingException("552 Message too large",
                new MessagingException("552 Message too large")))).isFalse();
        assertThat(SmtpConnections.isBrokenConnection(new MessagingException("x", new IOException("reset")))).isTrue();
    }

    private SmtpConnections connections(int maxMessagesPerConnection) {
        return new SmtpConnections(settings(), new SmtpConnectionProperties(4, maxMessagesPerConnection,
                Duration.ofSeconds(30)));
    }

    private JavaMailSenderImpl settings() {
        JavaMailSenderImpl settings = new JavaMailSenderImpl();
        settings.setHost(sink.host());
        settings.setPort(sink.port());
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        settings.setJavaMailProperties(properties);
        return settings;
    }

    private static EmailMessage email(String to) {
        return new EmailMessage(to, "Your report", "<p>Your report</p>", "Your report");
    }
}
