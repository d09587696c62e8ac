package io.hirepipe.perf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioSelectionTest {

    @Test
    void namedScenariosRunWithTheColdStartReading() {
        ScenarioSelection selection = ScenarioSelection.parse("p4, P7");

        assertThat(selection.describe()).isEqualTo("P4, P7, P8");
        assertThat(selection.includes("P5")).isFalse();
        assertThat(selection.isAll()).isFalse();
    }

    @Test
    void theGatewayScenariosComeAsOneGroupAndP6MeansBothHalves() {
        assertThat(ScenarioSelection.parse("P2,P6").describe()).isEqualTo("P1, P2, P3, P6a, P6b, P8");
        assertThat(ScenarioSelection.parse("P6b").includesAny("P5", "P6a")).isFalse();
    }

    @Test
    void everyScenarioByDefault() {
        assertThat(ScenarioSelection.all().isAll()).isTrue();
        assertThat(ScenarioSelection.parse(String.join(",", ScenarioSelection.ALL)).isAll()).isTrue();
    }

    @Test
    void anUnknownOrEmptyListIsRefusedByName() {
        assertThatThrownBy(() -> ScenarioSelection.parse("P4,P9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'P9'");
        assertThatThrownBy(() -> ScenarioSelection.parse(" , "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no scenario");
    }
}
