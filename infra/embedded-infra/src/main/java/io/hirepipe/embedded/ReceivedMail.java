package io.hirepipe.embedded;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message accepted by the {@link SmtpSink}, as the SMTP client sent it.
 *
 * @param id         short identifier, unique within the sink's lifetime (it is never reused, even after a reset)
 * @param from       the From header (the envelope sender when the header is missing)
 * @param to         the envelope recipients (RCPT TO), so Bcc recipients are included
 * @param subject    the decoded Subject header, empty when absent
 * @param receivedAt when the sink accepted the message
 * @param textBody   the first text/plain part that is not an attachment, with LF line ends; {@code null} when there is none
 * @param htmlBody   the first text/html part that is not an attachment, with LF line ends; {@code null} when there is none
 * @param rawEml     the whole message in RFC 822 form, as it would be stored in an .eml file
 */
public record ReceivedMail(String id, String from, List<String> to, String subject, Instant receivedAt,
                           String textBody, String htmlBody, String rawEml) {

    public ReceivedMail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receivedAt, "receivedAt");
        from = Objects.requireNonNullElse(from, "");
        to = List.copyOf(to);
        subject = Objects.requireNonNullElse(subject, "");
        rawEml = Objects.requireNonNullElse(rawEml, "");
    }

    public boolean hasHtmlBody() {
        return htmlBody != null;
    }

    /** True when {@code address} is one of the recipients, ignoring case. */
    public boolean isAddressedTo(String address) {
        return to.stream().anyMatch(recipient -> recipient.equalsIgnoreCase(address));
    }
}
