package io.hirepipe.notification.mail;

import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.ScoreAdjusted;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The recruiter's notices after the report: a reviewer adjusted an item (with the new total), or a
 * provisional result became final. Both need the recruiter's address in the event, which producers
 * before ScoreAdjusted v2 did not send.
 */
@Component
public class ScoreUpdateEmail {

    private final MailTemplates templates;
    private final ConsoleLinks console;

    public ScoreUpdateEmail(MailTemplates templates, ConsoleLinks console) {
        this.templates = templates;
        this.console = console;
    }

    /** @throws IllegalArgumentException when the event names no recruiter to send to: retrying cannot help */
    public EmailMessage adjusted(ScoreAdjusted adjusted) {
        requireRecipient(adjusted.recruiterEmail(), adjusted.sessionId());
        String candidateName = ScoreReportEmail.candidateName(adjusted.candidate());
        String percent = MailFormats.percent(adjusted.percent());
        // An adjustment of a result that still awaits review or finalisation is not a final score: the subject,
        // which is all an inbox shows, says so as the provisional report's does.
        String heading = adjusted.provisional() ? "Score adjusted (provisional)" : "Score adjusted";
        String subject = MailFormats.subject(heading + ": " + candidateName + " – " + percent + " ("
                + (adjusted.passed() ? "passed" : "not passed") + ")");
        String question = adjusted.questionTitle() == null || adjusted.questionTitle().isBlank()
                ? adjusted.questionId() : MailFormats.oneLine(adjusted.questionTitle());
        Map<String, Object> model = common(subject, heading, candidateName, adjusted.testTitle(),
                MailFormats.points(adjusted.points()), adjusted.maxPoints(), percent, adjusted.passed(),
                adjusted.sessionId());
        model.put("adjusted", true);
        model.put("adjustedTotal", true);
        model.put("question", question);
        model.put("from", adjusted.machineItemPoints() == null ? "" : MailFormats.points(adjusted.machineItemPoints()));
        model.put("to", MailFormats.points(adjusted.itemPoints()));
        model.put("previous", previousByAPerson(adjusted));
        model.put("reason", adjusted.reason() == null ? "" : MailFormats.oneLine(adjusted.reason()));
        model.put("by", MailFormats.orDefault(adjusted.adjustedBy(), "a reviewer"));
        model.put("at", MailFormats.instant(adjusted.adjustedAt()));
        model.put("provisional", adjusted.provisional());
        model.put("reviewCount", adjusted.reviewCount());
        MailTemplates.Rendered body = templates.render("score-update", model);
        return new EmailMessage(adjusted.recruiterEmail(), subject, body.html(), body.text());
    }

    /**
     * The points a person had set before this change, for a second adjustment; empty when they were the machine's
     * (the email names those already) or the event is older than schema version 3 and does not say.
     */
    private static String previousByAPerson(ScoreAdjusted adjusted) {
        BigDecimal previous = adjusted.previousItemPoints();
        BigDecimal machine = adjusted.machineItemPoints();
        return previous == null || (machine != null && previous.compareTo(machine) == 0) ? ""
                : MailFormats.points(previous);
    }

    /** @throws IllegalArgumentException when the event names no recruiter to send to: retrying cannot help */
    public EmailMessage finalized(AssessmentFinalized finalized) {
        requireRecipient(finalized.recruiterEmail(), finalized.sessionId());
        String candidateName = ScoreReportEmail.candidateName(finalized.candidate());
        String percent = MailFormats.percent(finalized.percent());
        String subject = MailFormats.subject("Assessment final: " + candidateName + " – " + percent + " ("
                + (finalized.passed() ? "passed" : "not passed") + ")");
        Map<String, Object> model = common(subject, "Assessment final", candidateName, finalized.testTitle(),
                MailFormats.points(finalized.points()), finalized.maxPoints(), percent, finalized.passed(),
                finalized.sessionId());
        model.put("adjusted", false);
        model.put("adjustedTotal", finalized.adjustedCount() > 0);
        model.put("by", MailFormats.orDefault(finalized.finalizedBy(), "a reviewer"));
        model.put("at", MailFormats.instant(finalized.finalizedAt()));
        model.put("acceptedCount", finalized.acceptedCount());
        model.put("adjustedCount", finalized.adjustedCount());
        model.put("provisional", false);
        model.put("reviewCount", 0);
        MailTemplates.Rendered body = templates.render("score-update", model);
        return new EmailMessage(finalized.recruiterEmail(), subject, body.html(), body.text());
    }

    private Map<String, Object> common(String subject, String heading, String candidateName, String testTitle,
                                              String points, int maxPoints, String percent, boolean passed,
                                              String sessionId) {
        Map<String, Object> model = new HashMap<>();
        model.put("subject", subject);
        model.put("heading", heading);
        model.put("candidateName", candidateName);
        model.put("testTitle", MailFormats.orDefault(testTitle, "the assessment"));
        model.put("points", points);
        model.put("maxPoints", maxPoints);
        model.put("percent", percent);
        model.put("passed", passed);
        model.put("sessionId", sessionId);
        model.put("resultUrl", console.result(sessionId));
        return model;
    }

    private static void requireRecipient(String recruiterEmail, String sessionId) {
        if (recruiterEmail == null || recruiterEmail.isBlank()) {
            throw new IllegalArgumentException("Session " + sessionId + " names no recruiter email");
        }
    }
}
