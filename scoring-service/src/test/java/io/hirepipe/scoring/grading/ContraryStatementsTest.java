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

    @Test
    void aPairThePromptComparesIsNotTurned() {
        // "the difference between synchronous and asynchronous programming": its answers speak of both sides by design,
        // and a right sentence about asynchronous work is no contradiction of the synchronous point
        String prompt = "What is the difference between synchronous and asynchronous programming?";

        assertThat(ContraryStatements.of("Synchronous work runs in sequence and blocks the thread while waiting", prompt))
                .isEmpty();
        assertThat(ContraryStatements.of("Synchronous work runs in sequence and blocks the thread while waiting", null)
                .orElseThrow().text()).isEqualTo("Asynchronous work runs in sequence and blocks the thread while waiting");
        // a prompt that names one side only compares nothing: the pair is still turned
        assertThat(ContraryStatements.of("Replicas are updated asynchronously.", "Why are replicas updated asynchronously?")
                .orElseThrow().text()).isEqualTo("Replicas are updated synchronously.");
    }

    @Test
    void aPhrasalVerbsWordIsNoSideOfAPair() {
        // "slow down" is no claim about speed: "fast down" would be no contrary
        assertThat(ContraryStatements.of("Indexes slow down inserts, updates and deletes.")).isEmpty();
        assertThat(ContraryStatements.of("Writes slow down, while reads get faster.").orElseThrow().text())
                .isEqualTo("Writes slow down, while reads get slower.");
        // nor, in an answer, does "slow down" speak for the slow side of a contrary
        Contrary faster = ContraryStatements.of("An index makes reads faster.").orElseThrow();
        assertThat(ContraryStatements.speaksFor(faster, "An index will slow down every read.")).isFalse();
        assertThat(ContraryStatements.speaksFor(faster, "An index makes reads slower.")).isTrue();
    }
}
