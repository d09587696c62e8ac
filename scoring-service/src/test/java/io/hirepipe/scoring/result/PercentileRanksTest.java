package io.hirepipe.scoring.result;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentileRanksTest {

    @Test
    void percentileRanksCountLowerScoresAndHalfOfTheTies() {
        double[] sorted = {0, 50, 50, 100};
        assertThat(PercentileRanks.rank(sorted, 100)).isEqualTo(88);
        assertThat(PercentileRanks.rank(sorted, 50)).isEqualTo(50);
        assertThat(PercentileRanks.rank(sorted, 0)).isEqualTo(13);
        assertThat(PercentileRanks.rank(new double[] {75}, 75)).isEqualTo(50);
        assertThat(PercentileRanks.rank(new double[0], 75)).isNull();
    }
}
