package io.hirepipe.scoring.result;

import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.scoring.operations.OperationsController.DeadLetterView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC logs the bodies it writes by {@code toString()} at DEBUG (what an operator turns on in an incident), and
 * a record prints every component: a result prints its ids and scores, not the candidate, the recruiters who decided
 * or what the candidate wrote.
 */
class PersonalDataInBodiesTest {

    private static final BigDecimal TWO = new BigDecimal("2");
    private static final String NAME = "Ada Lovelace-Byron";
    private static final String EMAIL = "ada.byron@example.org";
    private static final String RECRUITER = "rita.recruiter@acme.example";
    private static final String ANSWER = "A token bucket per client in Redis, refilled by Ada's own scheduler";

    @Test
    void aResultPrintsIdsAndScoresButNoPersonAndNoAnswer() {
        ScoringResult.Evidence evidence = new ScoringResult.Evidence(0.8, List.of(new ScoringResult.KeyPointVerdict(
                "shared-state", "Keeps counters shared", "MET", 1.0, TWO, ANSWER, 0.9)), List.of(), Set.of());
        ResultView.ItemView item = new ResultView.ItemView("q_4GkR7wP2xYb9LmN3", 2, QuestionKind.FREE_TEXT,
                "Design a rate limiter", TWO, 4, ItemStatus.SCORED, false, BigDecimal.ONE, TWO,
                List.of("shared-state"), evidence, List.of(),
                List.of(new ResultView.ReviewView("score.adjusted", BigDecimal.ONE, TWO,
                        "Ada named both ideas", RECRUITER, Instant.EPOCH)),
                List.of(), ANSWER, List.of());
        ResultView result = new ResultView("ses_HJs7Pq2Xv9Lm4Nc", "inv_Wcj2Ks8Lq4Rt6Yb", "t_8ZpQ3vN6cJw1TfHs",
                "Backend basics", new ResultView.CandidateView(NAME, EMAIL), RECRUITER, TWO, 4, 50.0, 60, false,
                SubmitReason.CANDIDATE, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, false, 1, Instant.EPOCH, RECRUITER,
                List.of(item), "gh-application-4711", 2280L, null);
        ResultSummaryView summary = new ResultSummaryView("ses_HJs7Pq2Xv9Lm4Nc", "inv_Wcj2Ks8Lq4Rt6Yb",
                "t_8ZpQ3vN6cJw1TfHs", "Backend basics", new ResultView.CandidateView(NAME, EMAIL), TWO, 4, 50.0,
                60, false, SubmitReason.CANDIDATE, Instant.EPOCH, Instant.EPOCH, false, 1, 75, 2280L, null,
                "gh-application-4711");

        assertThat(result.toString()).contains("ses_HJs7Pq2Xv9Lm4Nc", "q_4GkR7wP2xYb9LmN3")
                .doesNotContain(NAME, EMAIL, RECRUITER, ANSWER, "Ada named both ideas");
        assertThat(summary.toString()).contains("ses_HJs7Pq2Xv9Lm4Nc").doesNotContain(NAME, EMAIL);
    }

    @Test
    void aDeadLetterPrintsItsIdButNotWhoReplayedIt() {
        DeadLetterView letter = new DeadLetterView("hirepipe.submissions.v1.DLT:0:42", "hirepipe.submissions.v1.DLT",
                "hirepipe.submissions.v1", "ses_HJs7Pq2Xv9Lm4Nc", "evt_2Xq8Lm5Rt7Wp4Kd", "AssessmentSubmitted", "failed",
                Instant.EPOCH, Instant.EPOCH, RECRUITER);

        assertThat(letter.toString()).contains("hirepipe.submissions.v1.DLT:0:42").doesNotContain(RECRUITER);
    }

    @Test
    void anAdjustmentPrintsItsPointsButNotTheReasonForItMayNameTheCandidate() {
        assertThat(new ItemAdjustmentRequest(TWO, "Ada named both ideas").toString()).contains("2")
                .doesNotContain("Ada named both ideas");
    }
}
