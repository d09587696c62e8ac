package io.hirepipe.scoring.grading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AskedQuestionsTest {

    private final AnswerSegmenter segmenter = new AnswerSegmenter();

    @Test
    void aSentenceThatOpensAsAQuestionAndEndsWithAQuestionMarkAsks() {
        assertThat(AskedQuestions.asks("What does GraphQL do?")).isTrue();
        assertThat(AskedQuestions.asks("Q: Can I revoke it?")).isTrue();
        assertThat(AskedQuestions.asks("Do I need multi-row transactions, or is eventual consistency acceptable?")).isTrue();
    }

    @Test
    void aGuessOrAnArgumentWithAQuestionMarkStillStatesWhatItSays() {
        // a statement offered as a guess (HedgeDetector's business), and a negated auxiliary that asks to be agreed with
        assertThat(AskedQuestions.asks("Maybe use LIMIT and OFFSET?")).isFalse();
        assertThat(AskedQuestions.asks("I think JWT might be better for APIs?")).isFalse();
        assertThat(AskedQuestions.asks("Isn't GraphQL just a database?")).isFalse();
        assertThat(AskedQuestions.asks("Can't we just retry forever?")).isFalse();
        assertThat(AskedQuestions.asks("What it does is query the database.")).isFalse();
    }

    @Test
    void aClauseOfAQuestionIsAsked() {
        var units = segmenter.units("Is GraphQL a database, or a query language? It is a query language.");
        boolean[] asked = AskedQuestions.of(units);

        for (int u = 0; u < units.size(); u++) {
            assertThat(asked[u]).as(units.get(u).text()).isEqualTo(!units.get(u).text().equals("It is a query language."));
        }
    }
}
