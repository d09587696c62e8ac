package io.hirepipe.notification.mail;

import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.ItemEvidence;
import io.hirepipe.contracts.events.ItemScore;
import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The recruiter's report of one scored session: totals, verdict and a line per question with the
 * key points found and missed. A provisional result (items awaiting review) says so in the subject
 * and at the top, so nobody mistakes it for a final score.
 */
@Component
public class ScoreReportEmail {

    private final MailTemplates templates;
    private final ConsoleLinks console;

    public ScoreReportEmail(MailTemplates templates, ConsoleLinks console) {
        this.templates = templates;
        this.console = console;
    }

    /** @throws IllegalArgumentException when the event names no recruiter to send to: retrying cannot help */
    public EmailMessage compose(AssessmentScored scored) {
        if (scored.recruiterEmail() == null || scored.recruiterEmail().isBlank()) {
            throw new IllegalArgumentException("Session " + scored.sessionId() + " has no recruiter email");
        }
        String candidateName = candidateName(scored.candidate());
        String percent = MailFormats.percent(scored.percent());
        String verdict = scored.passed() ? "passed" : "not passed";
        String heading = scored.provisional() ? "Assessment scored (provisional)" : "Assessment scored";
        String subject = MailFormats.subject(heading + ": " + candidateName + " – " + percent + " (" + verdict + ")");
        List<ItemLine> items = scored.items().stream().map(ScoreReportEmail::line).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("subject", subject);
        model.put("heading", heading);
        model.put("candidateName", candidateName);
        model.put("candidateEmail", scored.candidate() == null ? "" : MailFormats.orDefault(scored.candidate().email(), ""));
        model.put("testTitle", MailFormats.orDefault(scored.testTitle(), scored.testId()));
        model.put("points", MailFormats.points(scored.points()));
        model.put("maxPoints", scored.maxPoints());
        model.put("percent", percent);
        model.put("passMark", scored.passMarkPercent() + "%");
        model.put("passed", scored.passed());
        model.put("provisional", scored.provisional());
        model.put("reviewCount", scored.reviewCount());
        model.put("reviewItems", items.stream().filter(ItemLine::awaitsReview).map(ItemLine::reviewLine).toList());
        model.put("submitReason", describe(scored.submitReason()));
        model.put("scoredAt", MailFormats.instant(scored.scoredAt()));
        model.put("sessionId", scored.sessionId());
        model.put("resultUrl", console.result(scored.sessionId()));
        model.put("items", items);
        MailTemplates.Rendered body = templates.render("score-report", model);
        return new EmailMessage(scored.recruiterEmail(), subject, body.html(), body.text());
    }

    static String candidateName(io.hirepipe.contracts.events.Person candidate) {
        return candidate == null ? "Unnamed candidate"
                : MailFormats.orDefault(candidate.name(), MailFormats.orDefault(candidate.email(), "Unnamed candidate"));
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
     * from before titles were carried have none: the id then stands in as the title. Key points are
     * named by their descriptions where the event carries evidence, by their ids otherwise.
     */
    private static ItemLine line(ItemScore item) {
        String title = item.title() == null ? "" : MailFormats.oneLine(item.title());
        boolean titled = !title.isEmpty();
        ItemEvidence evidence = item.evidence();
        String found = evidence == null
                ? String.join(", ", item.matchedKeyPointIds())
                : join(evidence.met(), evidence.partlyMet());
        String missed = evidence == null ? "" : join(evidence.missed(), List.of());
        String misconceptions = evidence == null ? "" : join(evidence.misconceptions(), List.of());
        String reviewReasons = evidence == null ? ""
                : evidence.reviewReasons().stream().map(MailFormats::oneLine).collect(Collectors.joining("; "));
        return new ItemLine(titled ? title : item.questionId(), titled ? item.questionId() : "",
                item.questionVersion(), describe(item.kind()),
                MailFormats.points(item.points()) + "/" + item.maxPoints(), found, missed, misconceptions,
                describe(item.status()), item.status() == ItemStatus.NEEDS_REVIEW, reviewReasons);
    }

    /** Met points plainly, partly met ones marked, in rubric order within each group. */
    private static String join(List<ItemEvidence.Point> points, List<ItemEvidence.Point> partly) {
        String full = points.stream().map(ScoreReportEmail::name).collect(Collectors.joining("; "));
        String part = partly.stream().map(p -> name(p) + " (partly)").collect(Collectors.joining("; "));
        return full.isEmpty() ? part : part.isEmpty() ? full : full + "; " + part;
    }

    private static String name(ItemEvidence.Point point) {
        String description = point.description() == null ? "" : MailFormats.oneLine(point.description());
        return description.isEmpty() ? MailFormats.orDefault(point.id(), "?") : description;
    }

    private static String describe(ItemStatus status) {
        return switch (status) {
            case SCORED -> "";
            case NEEDS_REVIEW -> "awaits review";
            case UNANSWERED -> "unanswered";
        };
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
     * @param title            the question's title, or its id when the event carried no title
     * @param questionId       the id as a secondary reference; empty when it already stands in as the title
     * @param matchedKeyPoints the key points found; empty when none or not a free-text item
     * @param missedKeyPoints  the key points missed; empty when none or the event carried no evidence
     * @param status           "awaits review", "unanswered", or empty for a plainly scored item
     * @param reviewReasons    why the grader asked for a person, as the event words it; empty when it does not say
     */
    public record ItemLine(String title, String questionId, int version, String kind, String points,
                           String matchedKeyPoints, String missedKeyPoints, String misconceptions, String status,
                           boolean awaitsReview, String reviewReasons) {

        /** The item as the list of items awaiting review names it: its title, and why where the event says. */
        public String reviewLine() {
            return reviewReasons.isEmpty() ? title : title + ": " + reviewReasons;
        }
    }
}
