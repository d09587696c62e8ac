package io.hirepipe.notification.mail;

import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationResent;
import io.hirepipe.contracts.events.Person;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Instant;
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
        return compose(invitation.invitationId(), invitation.candidate(), invitation.testTitle(),
                new TimeAllowed(invitation.durationMinutes(), invitation.extraTimeMinutes()), invitation.expiresAt(),
                accessUrl, false, invitation.recruiterEmail());
    }

    /** The same email with a new link, saying the earlier one no longer works. */
    public EmailMessage compose(InvitationResent invitation, String accessUrl) {
        return compose(invitation.invitationId(), invitation.candidate(), invitation.testTitle(),
                new TimeAllowed(invitation.durationMinutes(), invitation.extraTimeMinutes()), invitation.expiresAt(),
                accessUrl, true, invitation.recruiterEmail());
    }

    /** The time the candidate will have: the test's own, and their extra time (an agreed accommodation) on top. */
    private record TimeAllowed(int testMinutes, int extraMinutes) {
    }

    /** A reply reaches the recruiter who invited: the candidate's pages tell candidates to reply to this email. */
    private EmailMessage compose(String invitationId, Person candidate, String title, TimeAllowed time,
                                 Instant expiresAt, String accessUrl, boolean resent, String recruiterEmail) {
        if (candidate == null || candidate.email() == null) {
            throw new IllegalArgumentException("Invitation " + invitationId + " has no candidate email");
        }
        requireWebLink(accessUrl);
        String testTitle = MailFormats.orDefault(title, "Hirepipe");
        String subject = MailFormats.subject((resent ? "A new link for your " : "Your ") + testTitle + " assessment");
        Map<String, Object> model = Map.of(
                "subject", subject,
                "candidateName", MailFormats.orDefault(candidate.name(), "there"),
                "testTitle", testTitle,
                // The candidate's page counts down from the whole of it: the email says the same.
                "duration", MailFormats.minutes(time.testMinutes() + Math.max(0, time.extraMinutes())),
                "extraTime", time.extraMinutes() > 0 ? MailFormats.minutes(time.extraMinutes()) : "",
                "expiresAt", MailFormats.instant(expiresAt),
                "hasExpiry", expiresAt != null,
                "resent", resent,
                "accessUrl", accessUrl);
        MailTemplates.Rendered body = templates.render("invitation", model);
        return new EmailMessage(candidate.email(), subject, body.html(), body.text(), recruiterEmail);
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
