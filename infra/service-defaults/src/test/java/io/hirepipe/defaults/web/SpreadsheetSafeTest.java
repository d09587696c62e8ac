package io.hirepipe.defaults.web;

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
}
