package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerSegmenterTest {

    private final AnswerSegmenter segmenter = new AnswerSegmenter();

    private List<String> units(String answer) {
        return segmenter.units(answer).stream().map(Span::text).toList();
    }

    @Test
    void keepsEachSentenceAndTheClausesInsideIt() {
        assertThat(units("Reads go to replicas, and a replica takes over if the primary fails. Sharding splits the data."))
                .containsExactly(
                        "Reads go to replicas, and a replica takes over if the primary fails.",
                        "Reads go to replicas",
                        "and a replica takes over if the primary fails.",
                        "Sharding splits the data.");
    }

    @Test
    void spansAreVerbatimSlicesOfTheAnswer() {
        String answer = "Sync blocks; async doesn't - it uses callbacks.\n- and futures";
        for (Span span : segmenter.units(answer)) {
            assertThat(answer.substring(span.start(), span.end())).isEqualTo(span.text());
        }
        assertThat(units(answer)).contains("Sync blocks; async doesn't", "it uses callbacks.", "and futures");
    }

    @Test
    void aLoneConnectiveNeverBecomesAUnit() {
        assertThat(units("Use a cache, and")).doesNotContain("and");
    }

    @Test
    void anAbbreviationDoesNotEndTheSentence() {
        List<String> units = segmenter.units("Use SQL for related data, e.g. a bank. NoSQL suits documents.").stream()
                .map(AnswerSegmenter.Span::text).toList();

        assertThat(units).contains("Use SQL for related data, e.g. a bank.", "NoSQL suits documents.")
                .doesNotContain("a bank.");
    }

    @Test
    void blankOrPunctuationOnlyHasNoUnits() {
        assertThat(units("   ")).isEmpty();
        assertThat(units(null)).isEmpty();
        assertThat(units("- ; ,")).isEmpty();
    }
}
