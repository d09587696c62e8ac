package io.hirepipe.embedded;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Sends real mail over SMTP with Jakarta Mail, the way Spring's JavaMailSender does. */
final class MailSending {

    private MailSending() {
    }

    static Session session(int smtpPort) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        return Session.getInstance(properties);
    }

    static void sendText(int smtpPort, String to, String subject, String text) throws MessagingException {
        MimeMessage message = new MimeMessage(session(smtpPort));
        message.setFrom(new InternetAddress("noreply@hirepipe.test"));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }

    static void sendTextAndHtml(int smtpPort, String from, String to, String bcc, String subject, String text,
                                String html) throws MessagingException {
        MimeMessage message = new MimeMessage(session(smtpPort));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        if (bcc != null) {
            message.setRecipients(Message.RecipientType.BCC, bcc);
        }
        message.setSubject(subject, "UTF-8");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", textPart, htmlPart);
        message.setContent(alternative);
        Transport.send(message);
    }
}
