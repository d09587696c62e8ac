package io.hirepipe.notification.mail;

import io.hirepipe.contracts.events.InvitationCreated;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** The email that brings a candidate to their assessment: what, how long, until when, and the personal link. */
@Component
public class InvitationEmail {

    private final MailTemplates templates;

    public InvitationEmail(MailTemplates templates) {
        this.templates = templates;
    }

    /**
     * @param accessUrl the candidate's link, opened from the event just for this email
     * @throws IllegalArgumentException when the invitation has no usable recipient or link: retrying cannot help
     */
    public EmailMessage compose(InvitationCreated invitation, String accessUrl) {
        if (invitation.candidate() == null || invitation.candidate().email() == null) {
            throw new IllegalArgumentException("Invitation " + invitation.invitationId() + " has no candidate email");
        }
        requireWebLink(accessUrl);
        String testTitle = MailFormats.orDefault(invitation.testTitle(), "Hirepipe");
        String subject = MailFormats.subject("Your " + testTitle + " assessment");
        Map<String, Object> model = Map.of(
                "subject", subject,
                "candidateName", MailFormats.orDefault(invitation.candidate().name(), "there"),
                "testTitle", testTitle,
                "duration", MailFormats.minutes(invitation.durationMinutes()),
                "expiresAt", MailFormats.instant(invitation.expiresAt()),
                "hasExpiry", invitation.expiresAt() != null,
                "accessUrl", accessUrl);
        MailTemplates.Rendered body = templates.render("invitation", model);
        return new EmailMessage(invitation.candidate().email(), subject, body.html(), body.text());
    }

    /** Only http(s) links become a button: a {@code javascript:} URL in an email is an attack, not an invitation. */
    private static void requireWebLink(String accessUrl) {
        URI uri;
        try {
            uri = accessUrl == null ? null : URI.create(accessUrl);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("The invitation's access URL is not an http(s) link");
        }
    }
}
