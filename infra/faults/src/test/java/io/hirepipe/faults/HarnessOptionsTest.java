package io.hirepipe.faults;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HarnessOptionsTest {

    @Test
    void theSmokeRunsTwoScenariosWithAFewSessions() {
        HarnessOptions smoke = HarnessOptions.parse(new String[]{"--smoke"});

        assertThat(smoke.scenarios()).containsExactly("R3", "R8");
        assertThat(smoke.sessions("R3")).isEqualTo(6);
        assertThat(smoke.settle()).isLessThan(HarnessOptions.parse(new String[0]).settle());
        assertThat(smoke.stack()).isNull();
    }

    @Test
    void theSmokeCanRunOnTheStackTheSharedSmokeStarted() {
        HarnessOptions shared = HarnessOptions.parse(new String[]{"--smoke", "--stack=target/smoke/stack.properties"});

        assertThat(shared.stack()).isEqualTo(java.nio.file.Path.of("target/smoke/stack.properties"));
        assertThatThrownBy(() -> HarnessOptions.parse(new String[]{"--stack=s.properties", "--scenarios=R3,R10"}))
                .hasMessageContaining("R10 starts a stack of its own");
    }

    @Test
    void theFullRunUsesTheIssuesSizesAndTheReducedRunSmallerOnes() {
        HarnessOptions full = HarnessOptions.parse(new String[]{"--full"});
        HarnessOptions reduced = HarnessOptions.parse(new String[0]);

        assertThat(full.scenarios()).containsExactlyElementsOf(HarnessOptions.ALL);
        assertThat(full.sessions("R1")).isEqualTo(10_000);
        assertThat(full.smtpOutage()).isEqualTo(Duration.ofMinutes(5));
        assertThat(full.kafkaOutage()).isEqualTo(Duration.ofSeconds(30));
        assertThat(full.redisOutage()).isEqualTo(Duration.ofSeconds(60));
        assertThat(reduced.sessions("R1")).isEqualTo(1000);
        assertThat(reduced.smtpOutage()).isLessThan(full.smtpOutage());
    }

    @Test
    void scenariosAndSizesCanBeChosen() {
        HarnessOptions chosen = HarnessOptions.parse(new String[]{"--scenarios=r7,R1", "--sessions=50", "--concurrency=4"});

        assertThat(chosen.scenarios()).isEqualTo(List.of("R7", "R1"));
        assertThat(chosen.sessions("R1")).isEqualTo(50);
        assertThat(chosen.concurrency()).isEqualTo(4);
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> HarnessOptions.parse(new String[]{"--scenarios=R11"})).hasMessageContaining("unknown scenario R11");
        assertThatThrownBy(() -> HarnessOptions.parse(new String[]{"--sessions=0"})).hasMessageContaining("--sessions=");
        assertThatThrownBy(() -> HarnessOptions.parse(new String[]{"--fast"})).hasMessageContaining("unknown option --fast");
    }
}
