package io.hirepipe.notification.mail;

import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.ItemScore;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/** The recruiter's report of one scored session: totals, verdict and a line per question. */
@Component
public class ScoreReportEmail {

    private final MailTemplates templates;

    public ScoreReportEmail(MailTemplates templates) {
        this.templates = templates;
    }

    /** @throws IllegalArgumentException when the event names no recruiter to send to: retrying cannot help */
    public EmailMessage compose(AssessmentScored scored) {
        if (scored.recruiterEmail() == null || scored.recruiterEmail().isBlank()) {
            throw new IllegalArgumentException("Session " + scored.sessionId() + " has no recruiter email");
        }
        String candidateName = scored.candidate() == null ? "Unnamed candidate"
                : MailFormats.orDefault(scored.candidate().name(),
                        MailFormats.orDefault(scored.candidate().email(), "Unnamed candidate"));
        String percent = MailFormats.percent(scored.percent());
        String verdict = scored.passed() ? "passed" : "not passed";
        String subject = MailFormats.subject("Assessment scored: " + candidateName + " – " + percent + " (" + verdict + ")");
        Map<String, Object> model = new HashMap<>();
        model.put("subject", subject);
        model.put("candidateName", candidateName);
        model.put("candidateEmail", scored.candidate() == null ? "" : MailFormats.orDefault(scored.candidate().email(), ""));
        model.put("testTitle", MailFormats.orDefault(scored.testTitle(), scored.testId()));
        model.put("points", scored.points());
        model.put("maxPoints", scored.maxPoints());
        model.put("percent", percent);
        model.put("passMark", scored.passMarkPercent() + "%");
        model.put("passed", scored.passed());
        model.put("submitReason", describe(scored.submitReason()));
        model.put("scoredAt", MailFormats.instant(scored.scoredAt()));
        model.put("sessionId", scored.sessionId());
        model.put("items", scored.items().stream().map(ScoreReportEmail::line).toList());
        MailTemplates.Rendered body = templates.render("score-report", model);
        return new EmailMessage(scored.recruiterEmail(), subject, body.html(), body.text());
    }

    private static String describe(SubmitReason reason) {
        if (reason == null) {
            return "Submitted";
        }
        return switch (reason) {
            case CANDIDATE -> "Submitted by the candidate";
            case TIMEOUT -> "Timed out: submitted automatically at the deadline";
        };
    }

    /**
     * The recruiter recognises a question by its title; the id stays as a secondary reference. Events
     * from before titles were carried have none: the id then stands in as the title.
     */
    private static ItemLine line(ItemScore item) {
        String title = item.title() == null ? "" : MailFormats.oneLine(item.title());
        boolean titled = !title.isEmpty();
        return new ItemLine(titled ? title : item.questionId(), titled ? item.questionId() : "",
                item.questionVersion(), describe(item.kind()), item.points() + "/" + item.maxPoints(),
                item.matchedKeyPointIds().isEmpty() ? "" : String.join(", ", item.matchedKeyPointIds()));
    }

    private static String describe(QuestionKind kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case SINGLE_CHOICE -> "Single choice";
            case MULTI_CHOICE -> "Multiple choice";
            case FREE_TEXT -> "Free text";
        };
    }

    /**
     * One row of the per-question table, already formatted. Public: the template reads its accessors.
     *
     * @param title      the question's title, or its id when the event carried no title
     * @param questionId the id as a secondary reference; empty when it already stands in as the title
     */
    public record ItemLine(String title, String questionId, int version, String kind, String points,
                           String matchedKeyPoints) {
    }
}
