package io.hirepipe.notification.mail;

/** A rendered email to one recipient: HTML for mail clients that show it, the plain text alternative for the rest. */
public record EmailMessage(String to, String subject, String html, String text) {
}
