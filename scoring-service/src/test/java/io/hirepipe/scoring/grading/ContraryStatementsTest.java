package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.ContraryStatements.Contrary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContraryStatementsTest {

    @Test
    void turnsAOneSidedWordRoundKeepingItsCapital() {
        Contrary contrary = ContraryStatements.of("With GraphQL the client names the fields it wants.").orElseThrow();

        assertThat(contrary.text()).isEqualTo("With GraphQL the server names the fields it wants.");
        assertThat(ContraryStatements.of("Replicas are updated asynchronously, after the primary.").orElseThrow().text())
                .isEqualTo("Replicas are updated synchronously, before the primary.");
        assertThat(ContraryStatements.of("Serializable needs more locks, so throughput drops.").orElseThrow().text())
                .isEqualTo("Serializable needs less locks, so throughput drops.");
    }

    @Test
    void aReferenceThatNamesBothSidesOfAPairIsNotTurnedOnIt() {
        // it contrasts the two; it makes no one-sided claim to turn round
        assertThat(ContraryStatements.of("Relational databases scale vertically, NoSQL stores horizontally.")).isEmpty();
        assertThat(ContraryStatements.of("The client asks and the server answers faster.").orElseThrow().text())
                .isEqualTo("The client asks and the server answers slower.");
    }

    @Test
    void aReferenceWithoutAnyOneSidedWordHasNoContrary() {
        assertThat(ContraryStatements.of("Sharding splits the rows by a shard key.")).isEmpty();
        assertThat(ContraryStatements.of("")).isEmpty();
    }

    @Test
    void aUnitSpeaksForTheContraryOnlyWithItsWordsAndWithoutTheOriginalOnes() {
        Contrary contrary = ContraryStatements.of("With GraphQL the client names the fields it wants.").orElseThrow();

        assertThat(ContraryStatements.speaksFor(contrary, "The server decides the shape of the response.")).isTrue();
        assertThat(ContraryStatements.speaksFor(contrary, "The client asks, the server answers with those fields."))
                .isFalse();
        assertThat(ContraryStatements.speaksFor(contrary, "You ask for exactly the fields you need.")).isFalse();
    }
}
