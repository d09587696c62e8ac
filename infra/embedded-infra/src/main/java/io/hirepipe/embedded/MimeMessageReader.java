package io.hirepipe.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Turns a parsed MIME message into a {@link ReceivedMail}: headers decoded, text and HTML bodies found. */
final class MimeMessageReader {

    private MimeMessageReader() {
    }

    /** A message read from the wire, with the exact bytes that were received for writing .eml files. */
    record Read(ReceivedMail mail, byte[] raw) {
    }

    static Read read(String id, MimeMessage message, String envelopeSender, List<String> envelopeRecipients,
                     Instant receivedAt) throws MessagingException, IOException {
        byte[] raw = rawBytes(message);
        Bodies bodies = new Bodies();
        bodies.collect(message);
        ReceivedMail mail = new ReceivedMail(id, sender(message, envelopeSender), envelopeRecipients,
                message.getSubject(), receivedAt, bodies.text, bodies.html,
                new String(raw, StandardCharsets.UTF_8));
        return new Read(mail, raw);
    }

    private static String sender(MimeMessage message, String envelopeSender) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0) {
            return envelopeSender;
        }
        return from[0] instanceof InternetAddress address ? address.toUnicodeString() : from[0].toString();
    }

    private static byte[] rawBytes(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** SMTP carries CRLF; tests compare bodies with Java strings and text blocks, which use LF. */
    private static String withUnixLineEnds(Object content) {
        return String.valueOf(content).replace("\r\n", "\n");
    }

    /** Depth-first walk keeping the first inline text/plain and text/html parts, as mail clients display them. */
    private static final class Bodies {

        private String text;
        private String html;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("text/plain") && text == null) {
                text = withUnixLineEnds(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = withUnixLineEnds(part.getContent());
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            }
        }
    }
}
