package io.hirepipe.notification.mail;

import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The candidate's receipt: which assessment was received, when, how many questions they answered and
 * whether they submitted or the time ran out. Never a score: that is the recruiter's to share. A reply to it
 * reaches the recruiter.
 */
@Component
public class SubmissionReceiptEmail {

    private final MailTemplates templates;

    public SubmissionReceiptEmail(MailTemplates templates) {
        this.templates = templates;
    }

    /** @throws IllegalArgumentException when the submission names no candidate email: retrying cannot help */
    public EmailMessage compose(AssessmentSubmitted submitted) {
        if (submitted.candidate() == null || submitted.candidate().email() == null
                || submitted.candidate().email().isBlank()) {
            throw new IllegalArgumentException("Submission of session " + submitted.sessionId() + " has no candidate email");
        }
        String testTitle = MailFormats.orDefault(submitted.testTitle(), "Hirepipe");
        String subject = MailFormats.subject("We received your " + testTitle + " assessment");
        long answered = submitted.answers().stream().filter(SubmissionReceiptEmail::isAnswered).count();
        Map<String, Object> model = Map.of(
                "subject", subject,
                "candidateName", MailFormats.orDefault(submitted.candidate().name(), "there"),
                "testTitle", testTitle,
                "submittedAt", MailFormats.instant(submitted.submittedAt()),
                "answered", answered,
                "questions", submitted.answers().size(),
                "closedByDeadline", submitted.reason() == SubmitReason.TIMEOUT);
        MailTemplates.Rendered body = templates.render("receipt", model);
        // The receipt says the recruiter will be in touch: a candidate's reply to it (a question, a problem during
        // the test) reaches that recruiter, as a reply to the invitation does, not the no-reply sender.
        return new EmailMessage(submitted.candidate().email(), subject, body.html(), body.text(),
                submitted.recruiterEmail());
    }

    private static boolean isAnswered(SubmittedAnswer answer) {
        return !answer.selectedOptionIds().isEmpty() || answer.text() != null && !answer.text().isBlank();
    }
}
