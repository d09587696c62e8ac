package io.hirepipe.notification.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Sends one rendered email over SMTP as multipart/alternative (plain text + HTML), on a kept connection. */
@Component
public class SmtpMailer {

    static {
        MailStreamProviderShortcut.install();
    }

    private final JavaMailSender mailSender;
    private final SmtpConnections connections;
    private final MailSenderProperties properties;

    public SmtpMailer(JavaMailSender mailSender, SmtpConnections connections, MailSenderProperties properties) {
        this.mailSender = mailSender;
        this.connections = connections;
        this.properties = properties;
    }

    /**
     * @param messageId the Message-ID header, stable per delivery: should a crash make us send the
     *                  same delivery twice, mail systems can recognise the duplicate
     * @throws org.springframework.mail.MailException when the message cannot be built or the SMTP server
     *                                                 cannot be reached or refuses it
     */
    public void send(EmailMessage email, String messageId) {
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(email.to());
            replyTo(helper, email.replyTo());
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            message.setSentDate(new Date());
            message.saveChanges();
            // saveChanges sets a Message-ID of its own; ours must win (as JavaMailSender ensures too)
            message.setHeader("Message-ID", messageId);
        } catch (MessagingException e) {
            // no recipient in the message: it reaches the log and the dead letter; the delivery names it
            throw new MailPreparationException("Cannot build the email: " + e.getMessage(), e);
        }
        connections.send(message);
    }

    /** A Reply-To that is not a usable address is left out: the email itself must still go. */
    private static void replyTo(MimeMessageHelper helper, String address) {
        if (address == null || address.isBlank()) {
            return;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            helper.setReplyTo(parsed);
        } catch (MessagingException unusable) {
            // no Reply-To: a reply goes to the sender
        }
    }
}
