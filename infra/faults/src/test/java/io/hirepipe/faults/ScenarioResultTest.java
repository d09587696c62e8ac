package io.hirepipe.faults;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioResultTest {

    private static Edges.Count count(int expected, int results, int reports, int duplicates) {
        return new Edges.Count(expected, results, 0, reports, duplicates, expected, 0, 0, 0, false, Duration.ZERO);
    }

    @Test
    void passesOnlyWithEveryEffectOnceAndEverySubmissionAcknowledged() {
        List<ScenarioResult.Check> none = List.of();
        assertThat(new ScenarioResult("R1", "f", "l", 10, count(10, 10, 10, 0), Duration.ofSeconds(3), none, List.of()).passed()).isTrue();
        assertThat(new ScenarioResult("R1", "f", "l", 10, count(10, 9, 10, 0), null, none, List.of()).passed())
                .as("a lost result").isFalse();
        assertThat(new ScenarioResult("R1", "f", "l", 10, count(10, 10, 10, 1), null, none, List.of()).passed())
                .as("a second email").isFalse();
        Edges.Count invitationMissing = new Edges.Count(10, 10, 0, 10, 0, 9, 0, 0, 0, false, Duration.ZERO);
        assertThat(invitationMissing.complete()).as("still waiting for an invitation email").isFalse();
        assertThat(invitationMissing.lost()).isEqualTo(1);
        assertThat(new ScenarioResult("R10", "f", "l", 10, invitationMissing, null, none, List.of()).passed())
                .as("a candidate's invitation email never arrived").isFalse();
        assertThat(new ScenarioResult("R1", "f", "l", 11, count(10, 10, 10, 0), null, none, List.of()).passed())
                .as("a submission never acknowledged").isFalse();
        assertThat(new ScenarioResult("R3", "f", "l", 10, count(10, 10, 10, 0), null,
                List.of(new ScenarioResult.Check("poison on the DLT", false)), List.of()).passed()).isFalse();
    }

    @Test
    void theReportHasARowPerScenario() {
        String md = FaultReport.markdown(List.of(
                new ScenarioResult("R8", "duplicates", "5 sessions", 5, count(5, 5, 5, 0), Duration.ofMillis(1500), List.of(), List.of())),
                "2 cores", "./infra/faults/run.sh --smoke");

        assertThat(md).contains("| R8 | duplicates | 5 sessions | 5 / 5 | 5 / 5 | 5 / 5 | 5 / 5 | – | 0 | 0 | 1.5 s | pass |");
    }

    @Test
    void percentilesAreTakenFromTheSortedDurations() {
        List<Duration> saves = List.of(Duration.ofMillis(30), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(400));
        assertThat(Scenarios.percentile(saves, 0.5)).isEqualTo(Duration.ofMillis(20));
        assertThat(Scenarios.percentile(saves, 0.99)).isEqualTo(Duration.ofMillis(400));
    }
}
