package io.hirepipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ModeSelectionTest {

    @Test
    void defaultsToAuto() {
        assertThat(ModeSelection.configured(name -> null, name -> null)).isEqualTo(InfrastructureMode.AUTO);
        assertThat(ModeSelection.configured(name -> " ", name -> "")).isEqualTo(InfrastructureMode.AUTO);
    }

    @Test
    void readsTheEnvironmentVariableIgnoringCase() {
        var environment = Map.of("HIREPIPE_TEST_INFRASTRUCTURE", " Embedded ");

        assertThat(ModeSelection.configured(name -> null, environment::get)).isEqualTo(InfrastructureMode.EMBEDDED);
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironment() {
        var properties = Map.of("hirepipe.test.infrastructure", "containers");
        var environment = Map.of("HIREPIPE_TEST_INFRASTRUCTURE", "embedded");

        assertThat(ModeSelection.configured(properties::get, environment::get)).isEqualTo(InfrastructureMode.CONTAINERS);
    }

    @Test
    void rejectsUnknownValuesNamingTheirSource() {
        var properties = Map.of("hirepipe.test.infrastructure", "docker");

        assertThatThrownBy(() -> ModeSelection.configured(properties::get, name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("System property hirepipe.test.infrastructure is 'docker' but must be one of auto, containers, embedded");
    }

    @Test
    void theJvmModeIsNeverAuto() {
        assertThat(TestInfrastructure.mode()).isIn(InfrastructureMode.CONTAINERS, InfrastructureMode.EMBEDDED);
        assertThat(ModeSelection.resolve(InfrastructureMode.AUTO)).isEqualTo(TestInfrastructure.mode());
        assertThat(ModeSelection.resolve(InfrastructureMode.EMBEDDED)).isEqualTo(InfrastructureMode.EMBEDDED);
    }

    @Test
    void dockerDetectionAnswersQuicklyAndExplainsANo() {
        long startedAt = System.nanoTime();

        DockerStatus status = DockerDetection.detect();

        assertThat(Duration.ofNanos(System.nanoTime() - startedAt))
                .isLessThan(DockerDetection.TIMEOUT.plusSeconds(2));
        assertThat(status.description()).isNotBlank();
    }

    @Test
    void forcingContainersWithoutDockerFailsWithAClearMessage() {
        assumeFalse(ModeSelection.docker().available(), "Docker is reachable here");

        assertThatThrownBy(() -> TestInfrastructure.redis(InfrastructureMode.CONTAINERS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Containers were requested for this test but Docker is not reachable (")
                .hasMessageEndingWith("Start Docker, or run with -Dhirepipe.test.infrastructure=embedded (or auto)");
    }
}
