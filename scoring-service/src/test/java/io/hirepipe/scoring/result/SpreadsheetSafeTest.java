package io.hirepipe.scoring.result;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetSafeTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"https://evil.example\",\"Open\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd",
            "\r=1"})
    void aCellAFormulaCouldStartWithIsKeptAsText(String value) {
        assertThat(SpreadsheetSafe.cell(value)).isEqualTo("'" + value);
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertThat(SpreadsheetSafe.cell("Ada Lovelace")).isEqualTo("Ada Lovelace");
        assertThat(SpreadsheetSafe.cell("a=b")).isEqualTo("a=b");
        assertThat(SpreadsheetSafe.cell("")).isEmpty();
        assertThat(SpreadsheetSafe.cell(null)).isNull();
    }

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
