package io.hirepipe.notification.mail;

/**
 * A rendered email to one recipient: HTML for mail clients that show it, the plain text alternative for the rest.
 *
 * @param replyTo where a reply goes (the recruiter, for a candidate's invitation); {@code null} for none, so a
 *                reply goes to the sender
 */
public record EmailMessage(String to, String subject, String html, String text, String replyTo) {

    public EmailMessage(String to, String subject, String html, String text) {
        this(to, subject, html, text, null);
    }
}
