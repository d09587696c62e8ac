package io.hirepipe.perf;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GatlingRunTest {

    private static final String OUTPUT = """
            ================================================================================
            ---- Global Information --------------------------------------|---Total---|-----OK----|----KO----
            > request count                                               |     1,210 |     1,200 |        10
            > min response time (ms)                                      |       944 |       944 |         -
            > response time 50th percentile (ms)                          |     1,588 |     1,580 |         -
            > response time 75th percentile (ms)                          |     1,939 |     1,939 |         -
            > response time 95th percentile (ms)                          |     2,103 |     2,100 |         -
            > response time 99th percentile (ms)                          |     2,203 |     2,200 |         -
            > mean throughput (rps)                                       |    201.67 |       200 |      1.67
            ---- Response Time Distribution --------------------------------------------------------
            """;

    @Test
    void readsCountFailuresPercentilesOfAnsweredRequestsAndThroughput() {
        Measurement m = GatlingRun.read("autosave", OUTPUT);

        assertThat(m.count()).isEqualTo(1210);
        assertThat(m.errors()).isEqualTo(10);
        assertThat(m.p50Millis()).isEqualTo(1580);
        assertThat(m.p95Millis()).isEqualTo(2100);
        assertThat(m.p99Millis()).isEqualTo(2200);
        assertThat(m.perSecond()).isEqualTo(201.67);
    }

    @Test
    void aRunWithASilentWarmUpReportsTheThroughputOfItsCountedSecondsOnly() {
        Measurement m = GatlingRun.read("autosave", OUTPUT);

        assertThat(GatlingRun.overCountedSeconds(m, Map.of("perf.seconds", "6", "perf.warmUpSeconds", "5")).perSecond())
                .isCloseTo(1210 / 6.0, within(0.01));
        assertThat(GatlingRun.overCountedSeconds(m, Map.of("perf.seconds", "6")).perSecond()).isEqualTo(201.67);
    }

    /** Gatling's own result log can fail (its writer crashed): the harness must tell that apart from a measured run. */
    @Test
    void aRunWhoseResultLogFailedIsReportedAsHavingNoStatistics() {
        String crashed = """
                ERROR io.gatling.core.actor.AtomicRunnableActorRef -- Actor file-data-writer crashed
                java.nio.BufferOverflowException
                Exception in thread "main" java.lang.UnsupportedOperationException: There were no requests sent
                """;

        assertThatThrownBy(() -> GatlingRun.read("autosave at 200/s", crashed))
                .isInstanceOf(GatlingRun.NoStatistics.class)
                .hasMessage("Gatling printed no statistics for autosave at 200/s");
    }
}
