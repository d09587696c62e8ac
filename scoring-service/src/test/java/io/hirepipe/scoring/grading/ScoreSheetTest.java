package io.hirepipe.scoring.grading;

import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.QuestionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreSheetTest {

    @ParameterizedTest(name = "{0}/{1} = {2}%")
    @CsvSource({
            "0,10,0.0",
            "10,10,100.0",
            "1,3,33.3",
            "2,3,66.7",
            "7,9,77.8",
            "1,8,12.5",
            "1,16,6.3",
            "0,0,0.0"})
    void percentHasOneDecimalRoundedHalfUp(int points, int maxPoints, double percent) {
        assertThat(ScoreSheet.percent(points, maxPoints)).isEqualTo(percent);
    }

    @Test
    void totalsAddUpTheItems() {
        ScoreSheet sheet = ScoreSheet.of(List.of(
                item(2, 2), item(0, 3), item(4, 5)), 60);

        assertThat(sheet.points()).isEqualByComparingTo("6");
        assertThat(sheet.maxPoints()).isEqualTo(10);
        assertThat(sheet.percent()).isEqualTo(60.0);
        assertThat(sheet.passed()).as("exactly the pass mark passes").isTrue();
    }

    @Test
    void belowThePassMarkFails() {
        ScoreSheet sheet = ScoreSheet.of(List.of(item(2, 3)), 70);
        assertThat(sheet.percent()).isEqualTo(66.7);
        assertThat(sheet.passed()).isFalse();
    }

    @Test
    void passIsJudgedOnTheRoundedPercentTheRecruiterSees() {
        // 1399/2000 = 69.95% -> shown as 70.0%, and 70.0% >= 70
        ScoreSheet sheet = ScoreSheet.of(List.of(item(1399, 2000)), 70);
        assertThat(sheet.percent()).isEqualTo(70.0);
        assertThat(sheet.passed()).isTrue();
    }

    @Test
    void decimalPointsAddUpExactlyAndItemsAwaitingReviewAreCounted() {
        ScoreSheet sheet = ScoreSheet.of(List.of(item("1.33", 2, ItemStatus.SCORED), item("2.67", 4, ItemStatus.SCORED),
                item("0.5", 1, ItemStatus.NEEDS_REVIEW), item("0", 3, ItemStatus.UNANSWERED)), 50);

        assertThat(sheet.points()).isEqualByComparingTo("4.50");
        assertThat(sheet.points().scale()).isEqualTo(2);
        assertThat(sheet.maxPoints()).isEqualTo(10);
        assertThat(sheet.percent()).isEqualTo(45.0);
        assertThat(sheet.reviewCount()).isEqualTo(1);
    }

    private static GradedItem item(int points, int maxPoints) {
        return item(String.valueOf(points), maxPoints, ItemStatus.SCORED);
    }

    private static GradedItem item(String points, int maxPoints, ItemStatus status) {
        return new GradedItem("q", 1, QuestionKind.SINGLE_CHOICE, new BigDecimal(points), maxPoints, List.of(), "Q",
                status, null, List.of(), null);
    }
}
