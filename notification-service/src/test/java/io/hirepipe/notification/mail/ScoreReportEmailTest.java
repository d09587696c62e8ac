package io.hirepipe.notification.mail;

import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.ItemEvidence;
import io.hirepipe.contracts.events.ItemScore;
import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import static io.hirepipe.notification.TestEvents.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScoreReportEmailTest {

    private final ScoreReportEmail reportEmail = new ScoreReportEmail(new MailTemplates(),
            new ConsoleLinks(new ConsoleLinks.PublicAddress(URI.create("https://hirepipe.example.com/"))));

    private static AssessmentScored scored(String name, double percent, boolean passed, SubmitReason reason,
                                           String recruiterEmail) {
        return scored(name, percent, passed, reason, recruiterEmail, List.of(
                item("q-single", 1, QuestionKind.SINGLE_CHOICE, "2", 2, List.of(), "Index trade-off"),
                item("q-free", 3, QuestionKind.FREE_TEXT, "5", 8, List.of("replication", "shard-key"),
                        "Replication vs sharding")));
    }

    private static AssessmentScored scored(String name, double percent, boolean passed, SubmitReason reason,
                                           String recruiterEmail, List<ItemScore> items) {
        return new AssessmentScored("ses-1", "inv-1", "test-1", "Backend basics", new Person(name, "ada@example.org"),
                recruiterEmail, new BigDecimal("7"), 10, percent, 60, passed, reason, items,
                Instant.parse("2026-02-02T17:00:00Z"), false, 0);
    }

    private static AssessmentScored withItems(ItemScore... items) {
        return scored("Ada", 70.0, true, SubmitReason.CANDIDATE, "rec@example.org", List.of(items));
    }

    @Test
    void subjectGivesNamePercentAndVerdict() {
        assertThat(reportEmail.compose(scored("Ada Lovelace", 70.0, true, SubmitReason.CANDIDATE, "rec@example.org"))
                .subject()).isEqualTo("Assessment scored: Ada Lovelace – 70.0% (passed)");
        assertThat(reportEmail.compose(scored("Ada Lovelace", 33.3, false, SubmitReason.CANDIDATE, "rec@example.org"))
                .subject()).isEqualTo("Assessment scored: Ada Lovelace – 33.3% (not passed)");
    }

    @Test
    void reportHasTotalsVerdictReasonAndOneRowPerQuestion() {
        EmailMessage email = reportEmail.compose(scored("Ada Lovelace", 70.0, true, SubmitReason.TIMEOUT,
                "rec@example.org"));

        assertThat(email.to()).isEqualTo("rec@example.org");
        assertThat(email.html())
                .contains("<strong>Ada Lovelace</strong>")
                .contains("<span>7</span>/<span>10</span> points")
                .contains("70.0%")
                .contains(">60%<")
                .contains(">Passed<")
                .contains("Timed out")
                .contains("<span>Replication vs sharding</span>")
                .contains("<span>Index trade-off</span>")
                .contains("<span>q-free</span> v<span>3</span></small>")
                .contains(">Free text<")
                .contains(">5/8<")
                .contains(">replication, shard-key<")
                .contains(">Single choice<")
                .contains(">2/2<");
        assertThat(email.text())
                .contains("Score:      7/10 points, 70.0%")
                .contains("Result:     Passed")
                .contains("- Index trade-off (q-single v1, Single choice): 2/2\n")
                .contains("- Replication vs sharding (q-free v3, Free text): 5/8, key points met: replication, shard-key");
        assertThat(email.html()).as("a screen reader names each cell by its column")
                .contains("<caption style=\"text-align:left;font-weight:bold;font-size:15px;padding:0 0 8px;\">"
                        + "Points per question</caption>")
                .contains("<th scope=\"col\">Question</th>").contains("<th scope=\"col\">Missed</th>");
        assertThat(email.html().indexOf("Index trade-off")).as("rows in the order of the test")
                .isLessThan(email.html().indexOf("Replication vs sharding"));
    }

    @Test
    void submittedByTheCandidateAndNotPassed() {
        EmailMessage email = reportEmail.compose(scored("Ada", 33.3, false, SubmitReason.CANDIDATE, "rec@example.org"));

        assertThat(email.html()).contains("Submitted by the candidate").contains(">Not passed<");
        assertThat(email.text()).contains("Result:     Not passed");
    }

    @Test
    void escapesTheCandidateName() {
        EmailMessage email = reportEmail.compose(scored("<img src=x onerror=alert(1)>", 70.0, true,
                SubmitReason.CANDIDATE, "rec@example.org"));

        assertThat(email.html()).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void anItemWithoutATitleIsNamedByItsId() {
        EmailMessage email = reportEmail.compose(withItems(
                item("q_8f3a", 2, QuestionKind.SINGLE_CHOICE, "1", 1, List.of(), null),
                item("q_blank", 1, QuestionKind.SINGLE_CHOICE, "0", 1, List.of(), " ")));

        assertThat(email.html())
                .contains("<span>q_8f3a</span><br>")
                .contains("<small style=\"color:#52606d;font-size:12px;\"> v<span>2</span></small>")
                .doesNotContain("<span>q_8f3a</span> v")
                .contains("<span>q_blank</span><br>");
        assertThat(email.text())
                .contains("- q_8f3a (v2, Single choice): 1/1\n")
                .contains("- q_blank (v1, Single choice): 0/1\n")
                .doesNotContain("null");
    }

    @Test
    void escapesTheQuestionTitleWhichIsRecruiterInput() {
        EmailMessage email = reportEmail.compose(withItems(item("q-1", 1, QuestionKind.FREE_TEXT, "1", 2,
                List.of(), "<b>Joins</b> & \"indexes\" <script>alert(1)</script>")));

        assertThat(email.html())
                .doesNotContain("<b>").doesNotContain("<script>")
                .contains("&lt;b&gt;Joins&lt;/b&gt; &amp; &quot;indexes&quot; &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(email.text()).as("plain text shows the title as written")
                .contains("- <b>Joins</b> & \"indexes\" <script>alert(1)</script> (q-1 v1, Free text): 1/2\n");
    }

    @Test
    void aTitleCannotBreakThePlainTextReportIntoFakeLines() {
        EmailMessage email = reportEmail.compose(withItems(item("q-1", 1, QuestionKind.SINGLE_CHOICE, "1", 1,
                List.of(), "Joins\r\n- q-2 v1 (Single choice): 1/1")));

        assertThat(email.text()).contains("- Joins - q-2 v1 (Single choice): 1/1 (q-1 v1, Single choice): 1/1\n")
                .doesNotContain("\n- q-2");
    }

    @Test
    void aCandidateNameCannotForgeLinesOfThePlainTextReport() {
        // an ATS passes on what the candidate typed as their name; the invitation API takes it as it is
        String forged = "Eve\r\n\r\nScore:      10/10 points, 100.0%\nResult:     Passed\u2028Session: x";
        EmailMessage email = reportEmail.compose(new AssessmentScored("ses-1", "inv-1", "test-1",
                "Backend\nbasics", new Person(forged, "eve@example.org"), "rec@example.org", new BigDecimal("2"), 10,
                20.0, 60, false, SubmitReason.CANDIDATE, List.of(), Instant.parse("2026-02-02T17:00:00Z"), false, 0));

        assertThat(email.text())
                .contains("\nEve Score:      10/10 points, 100.0% Result:     Passed Session: x (eve@example.org) "
                        + "took Backend basics.\n")
                .doesNotContain("\nScore:      10/10").doesNotContain("\nResult:     Passed")
                .contains("\nResult:     Not passed\n");
    }

    @Test
    void aProvisionalReportSaysSoAndListsTheItemsAwaitingReviewWithWhatWasFoundAndMissed() {
        ItemEvidence evidence = new ItemEvidence(
                List.of(new ItemEvidence.Point("copies", "Replication copies data to replicas")),
                List.of(new ItemEvidence.Point("split", "Sharding splits data across servers")),
                List.of(new ItemEvidence.Point("shard-key", "Names the shard key")),
                List.of(new ItemEvidence.Point("mc-1", "Sharding copies all data to every node")), 0.41);
        AssessmentScored scored = new AssessmentScored("ses-1", "inv-1", "test-1", "Backend basics",
                new Person("Ada", "ada@example.org"), "rec@example.org", new BigDecimal("4.50"), 7, 64.3, 60, true,
                SubmitReason.CANDIDATE, List.of(
                item("q-single", 1, QuestionKind.SINGLE_CHOICE, "2", 2, List.of(), "Index trade-off"),
                new ItemScore("q-free", 3, QuestionKind.FREE_TEXT, new BigDecimal("2.50"), 5, List.of("copies"),
                        "Replication vs sharding", ItemStatus.NEEDS_REVIEW, evidence),
                new ItemScore("q-blank", 1, QuestionKind.FREE_TEXT, BigDecimal.ZERO, 0, List.of(), "Outbox",
                        ItemStatus.UNANSWERED, null)),
                Instant.parse("2026-02-02T17:00:00Z"), true, 1);

        EmailMessage email = reportEmail.compose(scored);

        assertThat(email.subject()).isEqualTo("Assessment scored (provisional): Ada – 64.3% (passed)");
        assertThat(email.text())
                .contains("PROVISIONAL: 1 item awaits review")
                .contains("Awaiting review:\n- Replication vs sharding\n")
                .contains("Score:      4.5/7 points, 64.3% (provisional)")
                .contains("Result:     Passed (provisional)\n")
                .contains("- Index trade-off (q-single v1, Single choice): 2/2\n")
                .contains("- Replication vs sharding (q-free v3, Free text): 2.5/5 (awaits review), key points met: "
                        + "Replication copies data to replicas; Sharding splits data across servers (partly), "
                        + "missed: Names the shard key, misconceptions: Sharding copies all data to every node\n")
                .contains("- Outbox (q-blank v1, Free text): 0/0 (unanswered)\n");
        assertThat(email.html())
                .contains("Provisional:")
                .contains("<li>Replication vs sharding</li>")
                .contains(">Passed</strong><span> (provisional)</span>")
                .contains(">awaits review<")
                .contains(">Names the shard key<")
                .contains(">Sharding copies all data to every node<");
    }

    @Test
    void theReportLinksToTheResultInTheConsoleWhereItIsReviewed() {
        EmailMessage provisional = reportEmail.compose(new AssessmentScored("ses_4Kq/9", "inv-1", "test-1",
                "Backend basics", new Person("Ada", "ada@example.org"), "rec@example.org", new BigDecimal("2"), 4,
                50.0, 60, false, SubmitReason.CANDIDATE, List.of(), Instant.parse("2026-02-02T17:00:00Z"), true, 1));
        String link = "https://hirepipe.example.com/console#/results/ses_4Kq%2F9";

        assertThat(provisional.text()).contains("\nReview it in the console: " + link + "\n");
        assertThat(provisional.html()).contains("href=\"" + link + "\"").contains(">Review the result in the console</a>");

        EmailMessage scored = reportEmail.compose(scored("Ada", 70.0, true, SubmitReason.CANDIDATE, "rec@example.org"));
        assertThat(scored.text()).contains("\nOpen it in the console: https://hirepipe.example.com/console#/results/ses-1\n");
        assertThat(scored.html()).contains(">Open the result in the console</a>");
    }

    @Test
    void anItemAwaitingReviewSaysWhyWhereTheEventSays() {
        ItemEvidence evidence = new ItemEvidence(List.of(), List.of(new ItemEvidence.Point("copies", "Replicas copy data")),
                List.of(), List.of(), 0.9, List.of("the score lies on the boundary between two grades",
                "most of the answer is not about the question"));
        AssessmentScored scored = new AssessmentScored("ses-1", "inv-1", "test-1", "Backend basics",
                new Person("Ada", "ada@example.org"), "rec@example.org", new BigDecimal("1.00"), 4, 25.0, 60, false,
                SubmitReason.CANDIDATE, List.of(new ItemScore("q-free", 3, QuestionKind.FREE_TEXT, new BigDecimal("1.00"), 4,
                        List.of(), "Replication vs sharding", ItemStatus.NEEDS_REVIEW, evidence)),
                Instant.parse("2026-02-02T17:00:00Z"), true, 1);

        EmailMessage email = reportEmail.compose(scored);

        assertThat(email.text()).contains("Awaiting review:\n- Replication vs sharding: the score lies on the boundary "
                + "between two grades; most of the answer is not about the question\n");
        assertThat(email.html()).contains("<li>Replication vs sharding: the score lies on the boundary between two grades; "
                + "most of the answer is not about the question</li>");
    }

    @Test
    void aFinalReportHasNoProvisionalMarksAndWholePointsHaveNoDecimals() {
        EmailMessage email = reportEmail.compose(scored("Ada", 70.0, true, SubmitReason.CANDIDATE, "rec@example.org"));

        assertThat(email.subject()).doesNotContain("provisional");
        assertThat(email.text()).doesNotContainIgnoringCase("provisional").contains("7/10 points")
                .contains("Result:     Passed\n");
        assertThat(email.html()).doesNotContain("Provisional");
    }

    @Test
    void needsARecruiterToSendTo() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                reportEmail.compose(scored("Ada", 70.0, true, SubmitReason.CANDIDATE, " ")));
    }
}
