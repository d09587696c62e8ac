package io.hirepipe.scoring.grading;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RubricEmbeddingsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Claims POST is idempotent                                      | POST is idempotent",
            "Claims that a cache always returns fresh data                  | a cache always returns fresh data",
            "Relies on the client to limit itself                           | the client to limit itself",
            "Believes JWT claims are encrypted / hidden                     | JWT claims are encrypted / hidden",
            "Proposes shortening the TTL or removing the cache as the fix   | shortening the TTL or removing the cache as the fix",
            "Insists on an exact total count on every page as a must        | an exact total count on every page as a must",
            "Retries immediately and without limit                          | Retries immediately and without limit"})
    void aMisconceptionIsEmbeddedAsWhatTheCandidateWouldSayWithoutTheRatersVerb(String description, String statement) {
        assertThat(RubricEmbeddings.statement(description)).isEqualTo(statement);
    }
}
