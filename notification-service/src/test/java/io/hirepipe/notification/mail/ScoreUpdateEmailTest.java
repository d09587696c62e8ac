package io.hirepipe.notification.mail;

import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.notification.TestEvents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScoreUpdateEmailTest {

    private static final Instant AT = Instant.parse("2026-02-02T17:00:00Z");

    private final ScoreUpdateEmail emails = new ScoreUpdateEmail(new MailTemplates(),
            new ConsoleLinks(new ConsoleLinks.PublicAddress(URI.create("https://hirepipe.example.com/"))));

    @Test
    void anAdjustmentSaysAdjustedWithTheItemTheReasonAndTheNewTotal() {
        EmailMessage email = emails.adjusted(TestEvents.adjusted("ses-1", "rec@example.org", AT));

        assertThat(email.to()).isEqualTo("rec@example.org");
        assertThat(email.text())
                .contains("rita@recruiting.example set \"Replication vs sharding\" to 3.5 points on "
                        + "Mon 2 Feb 2026, 17:00 UTC (automatic score: 2).")
                .contains("Reason: explains shard keys in other words")
                .contains("New total: 8.5/10 points, 85.0% (adjusted)")
                .contains("Still provisional: 1 item awaits review");
        assertThat(email.html()).contains("set <strong>Replication vs sharding</strong>")
                .contains("<span>8.5</span>/<span>10</span> points");
    }

    @Test
    void bothNoticesLinkToTheResultInTheConsole() {
        String link = "https://hirepipe.example.com/console#/results/ses-1";
        EmailMessage adjusted = emails.adjusted(TestEvents.adjusted("ses-1", "rec@example.org", AT));
        EmailMessage finalized = emails.finalized(new AssessmentFinalized("ses-1", "inv-1", "test-1",
                "Backend basics", new Person("Ada Lovelace", "ada@example.org"), "rec@example.org", new BigDecimal("6"),
                7, 85.7, 60, true, 1, 0, "rita@recruiting.example", AT));

        for (EmailMessage email : new EmailMessage[] {adjusted, finalized}) {
            assertThat(email.text()).endsWith("Open it in the console: " + link + "\n");
            assertThat(email.html()).contains("<a href=\"" + link + "\"");
        }
    }

    /**
     * A second adjustment (3.5, then 4) must not read as if the item went from 2 straight to 4: the machine's points
     * are named as such, and what a person had set before, once the event says (v3), as that.
     */
    @Test
    void aSecondAdjustmentNamesTheAutomaticScoreAndThePointsItHadBefore() {
        ScoreAdjusted base = TestEvents.adjusted("ses-1", "rec@example.org", AT);
        ScoreAdjusted again = new ScoreAdjusted(base.sessionId(), base.questionId(), new BigDecimal("4"),
                "both ideas after all", "nina@recruiting.example", new BigDecimal("9"), base.maxPoints(), 90.0,
                base.passed(), AT, base.machineItemPoints(), base.questionTitle(), false, 0, base.invitationId(),
                base.testTitle(), base.candidate(), base.recruiterEmail(), new BigDecimal("3.5"));

        EmailMessage email = emails.adjusted(again);

        assertThat(email.text()).contains("nina@recruiting.example set \"Replication vs sharding\" to 4 points on "
                + "Mon 2 Feb 2026, 17:00 UTC (automatic score: 2). It had 3.5 points before this change.")
                .doesNotContain("from 2");
        assertThat(email.html().replaceAll("\\s+", " ")).contains("to <strong>4</strong> points")
                .contains("(automatic score: <span>2</span>)").contains("It had <span>3.5</span> points before this change.")
                .doesNotContain("from <span>2</span>");
    }

    /** The first adjustment changes the machine's points, which the email names already; so does an older event. */
    @Test
    void aFirstAdjustmentOrAnOlderEventSaysNothingOfPointsBefore() {
        ScoreAdjusted base = TestEvents.adjusted("ses-1", "rec@example.org", AT);
        ScoreAdjusted first = new ScoreAdjusted(base.sessionId(), base.questionId(), base.itemPoints(), base.reason(),
                base.adjustedBy(), base.points(), base.maxPoints(), base.percent(), base.passed(), AT,
                base.machineItemPoints(), base.questionTitle(), base.provisional(), base.reviewCount(),
                base.invitationId(), base.testTitle(), base.candidate(), base.recruiterEmail(), base.machineItemPoints());

        for (ScoreAdjusted adjusted : new ScoreAdjusted[] {first, base}) {
            EmailMessage email = emails.adjusted(adjusted);
            assertThat(email.text()).contains("(automatic score: 2).").doesNotContain("before this change");
            assertThat(email.html()).doesNotContain("before this change");
        }
    }

    @Test
    void anAdjustmentOfAResultStillAwaitingReviewNeverReadsAsFinal() {
        // one item adjusted, another still awaits review: the inbox line and the verdict must say provisional
        EmailMessage email = emails.adjusted(TestEvents.adjusted("ses-1", "rec@example.org", AT));

        assertThat(email.subject()).isEqualTo("Score adjusted (provisional): Ada Lovelace – 85.0% (passed)");
        assertThat(email.text())
                .startsWith("Score adjusted (provisional)\n")
                .contains("New total: 8.5/10 points, 85.0% (adjusted) (provisional)\n")
                .contains("Result:     Passed (provisional)\n");
        assertThat(email.html())
                .contains("<h1 style=\"margin:0 0 8px;font-size:20px;\">Score adjusted (provisional)</h1>")
                .contains(">Passed</strong><span> (provisional)</span>");
    }

    @Test
    void theLastReviewItemAdjustedSaysWhatStillKeepsTheResultProvisional() {
        ScoreAdjusted base = TestEvents.adjusted("ses-1", "rec@example.org", AT);
        ScoreAdjusted adjusted = new ScoreAdjusted(base.sessionId(), base.questionId(), base.itemPoints(),
                base.reason(), base.adjustedBy(), base.points(), base.maxPoints(), base.percent(), base.passed(), AT,
                base.machineItemPoints(), base.questionTitle(), true, 0, base.invitationId(), base.testTitle(),
                base.candidate(), base.recruiterEmail());

        EmailMessage email = emails.adjusted(adjusted);

        assertThat(email.text()).contains("Still provisional: nothing awaits review any more, but the result is final "
                + "only once finalised.").doesNotContain("0 items await");
        assertThat(email.html()).contains("nothing awaits review any more, but the result is final only once finalised")
                .doesNotContain("<span>0</span> awaiting review");
    }

    @Test
    void anAdjustmentOfAFinalResultHasNoProvisionalMarks() {
        ScoreAdjusted base = TestEvents.adjusted("ses-1", "rec@example.org", AT);
        ScoreAdjusted adjusted = new ScoreAdjusted(base.sessionId(), base.questionId(), base.itemPoints(),
                base.reason(), base.adjustedBy(), base.points(), base.maxPoints(), base.percent(), base.passed(), AT,
                base.machineItemPoints(), base.questionTitle(), false, 0, base.invitationId(), base.testTitle(),
                base.candidate(), base.recruiterEmail());

        EmailMessage email = emails.adjusted(adjusted);

        assertThat(email.subject()).isEqualTo("Score adjusted: Ada Lovelace – 85.0% (passed)");
        assertThat(email.text()).doesNotContainIgnoringCase("provisional").contains("Result:     Passed\n");
        assertThat(email.html()).doesNotContainIgnoringCase("provisional");
    }

    @Test
    void theReasonIsReviewerInputAndStaysText() {
        ScoreAdjusted base = TestEvents.adjusted("ses-1", "rec@example.org", AT);
        ScoreAdjusted adjusted = new ScoreAdjusted(base.sessionId(), base.questionId(), base.itemPoints(),
                "<script>alert(1)</script>\r\nBcc: x@evil.example", base.adjustedBy(), base.points(),
                base.maxPoints(), base.percent(), base.passed(), AT, base.machineItemPoints(), base.questionTitle(),
                false, 0, base.invitationId(), base.testTitle(), base.candidate(), base.recruiterEmail());

        EmailMessage email = emails.adjusted(adjusted);

        assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(email.text()).contains("Reason: <script>alert(1)</script> Bcc: x@evil.example\n")
                .doesNotContain("Still provisional");
    }

    @Test
    void finalisingSaysFinalWithTheTotals() {
        EmailMessage email = emails.finalized(new AssessmentFinalized("ses-1", "inv-1", "test-1", "Backend basics",
                new Person("Ada Lovelace", "ada@example.org"), "rec@example.org", new BigDecimal("6"), 7, 85.7, 60,
                true, 1, 0, "rita@recruiting.example", AT));

        assertThat(email.subject()).isEqualTo("Assessment final: Ada Lovelace – 85.7% (passed)");
        assertThat(email.text()).contains("Final score: 6/7 points, 85.7%\n")
                .contains("0 items were adjusted by a reviewer, 1 machine score was accepted as it was.")
                .doesNotContain("(adjusted)");
    }

    @Test
    void theHtmlOfAFinalisationCountsItemsInWholeSentencesAsTheTextDoes() {
        EmailMessage email = emails.finalized(new AssessmentFinalized("ses-1", "inv-1", "test-1", "Backend basics",
                new Person("Ada Lovelace", "ada@example.org"), "rec@example.org", new BigDecimal("6"), 7, 85.7, 60,
                true, 2, 1, "rita@recruiting.example", AT));

        String html = email.html().replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
        assertThat(html).contains("1 item was adjusted by a reviewer, 2 machine scores were accepted as they were.");
        assertThat(email.text()).contains("1 item was adjusted by a reviewer, 2 machine scores were accepted as they were.");
    }

    @Test
    void needsARecruiterToSendTo() {
        assertThatIllegalArgumentException().isThrownBy(() -> emails.adjusted(
                TestEvents.adjusted("ses-1", " ", AT)));
    }
}
