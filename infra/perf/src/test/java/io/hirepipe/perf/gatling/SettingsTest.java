package io.hirepipe.perf.gatling;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsTest {

    /** The harness prepares ceil(rate × seconds) candidates for a start run's warm-up: its queue must not run dry. */
    @ParameterizedTest
    @CsvSource({"200, 45", "100, 15", "5, 15", "20, 45", "2, 1", "10, 1", "2.5, 3", "37.5, 7", "105, 15", "0.5, 4"})
    void theWarmUpSendsAboutItsRateForItsSecondsAndNeverMoreThanThePreparedRecords(double rate, int seconds) {
        int requests = Settings.warmUpRequests(rate, seconds);

        assertThat(requests).isLessThanOrEqualTo((int) Math.ceil(rate * seconds));
        assertThat(requests).isGreaterThanOrEqualTo((int) Math.floor(rate * seconds) - (int) Math.ceil(rate / 10));
    }
}
