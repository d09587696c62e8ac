package io.hirepipe.notification.mail;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

/** An account email: an invited person's set-password link, or a password reset link. */
@Component
public class AccountEmail {

    private final MailTemplates templates;

    public AccountEmail(MailTemplates templates) {
        this.templates = templates;
    }

    public EmailMessage compose(boolean invite, String to, String link, Instant expiresAt) {
        String subject = MailFormats.subject(invite ? "You are invited to Hirepipe" : "Reset your Hirepipe password");
        Map<String, Object> model = Map.of(
                "subject", subject,
                "intro", invite
                        ? "You have been invited to your team's Hirepipe. Choose a password to start."
                        : "Someone (hopefully you) asked to reset the password of your Hirepipe account.",
                "action", invite ? "Set your password" : "Choose a new password",
                "link", link,
                "expiresAt", MailFormats.instant(expiresAt));
        MailTemplates.Rendered body = templates.render("account", model);
        return new EmailMessage(to, subject, body.html(), body.text());
    }
}
