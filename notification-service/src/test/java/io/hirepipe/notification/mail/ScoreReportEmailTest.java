package io.hirepipe.notification.mail;

import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.ItemScore;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScoreReportEmailTest {

    private final ScoreReportEmail reportEmail = new ScoreReportEmail(new MailTemplates());

    private static AssessmentScored scored(String name, double percent, boolean passed, SubmitReason reason,
                                           String recruiterEmail) {
        return new AssessmentScored("ses-1", "inv-1", "test-1", "Backend basics", new Person(name, "ada@example.org"),
                recruiterEmail, 7, 10, percent, 60, passed, reason, List.of(
                new ItemScore("q-single", 1, QuestionKind.SINGLE_CHOICE, 2, 2, List.of()),
                new ItemScore("q-free", 3, QuestionKind.FREE_TEXT, 5, 8, List.of("replication", "shard-key"))),
                Instant.parse("2026-02-02T17:00:00Z"));
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
                .contains("<span>q-free</span>")
                .contains(">Free text<")
                .contains(">5/8<")
                .contains(">replication, shard-key<")
                .contains(">Single choice<")
                .contains(">2/2<");
        assertThat(email.text())
                .contains("Score:      7/10 points, 70.0%")
                .contains("Result:     Passed")
                .contains("- q-single v1 (Single choice): 2/2\n")
                .contains("- q-free v3 (Free text): 5/8, key points met: replication, shard-key");
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
    void needsARecruiterToSendTo() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                reportEmail.compose(scored("Ada", 70.0, true, SubmitReason.CANDIDATE, " ")));
    }
}
