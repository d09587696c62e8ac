package io.hirepipe.scoring.grading;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NegationDetectorTest {

    private final NegationDetector negation = new NegationDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "Replication does not copy data to other servers",
            "The data is not replicated",
            "Caching doesn't help with spikes",
            "There is no cost for inserts",
            "You never need HTTPS inside a REST API",
            "Sharding cannot split the data",
            "It isn’t stateless"})
    void denialsAreNegated(String clause) {
        assertThat(negation.isNegated(clause)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Replication copies data to replicas",
            "It finds rows without a full table scan",
            "Async code is non-blocking",
            "It is not only faster but also simpler",
            "Notice the index on the column"})
    void statementsAreNotNegated(String clause) {
        assertThat(negation.isNegated(clause)).isFalse();
    }
}
