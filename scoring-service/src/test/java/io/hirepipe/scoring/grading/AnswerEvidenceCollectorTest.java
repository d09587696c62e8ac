package io.hirepipe.scoring.grading;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerEvidenceCollectorTest {

    private final RubricMatcher analyser = new RubricMatcher();

    @Test
    void promptEchoIsTheShareOfAClausesTermsThatThePromptAlreadyHas() {
        Set<String> prompt = analyser.terms("Explain SQL injection and how you prevent it in a service.");
        List<Set<String>> units = List.of(
                analyser.terms("SQL injection is the injection of SQL"),
                analyser.terms("you prevent SQL injection with prepared statements"),
                analyser.terms("bind every value as a parameter"),
                analyser.terms("and the"));

        double[] echo = AnswerEvidenceCollector.promptEcho(units, prompt);

        assertThat(echo[0]).as("nothing but the question's words").isEqualTo(1.0);
        assertThat(echo[1]).as("the question's words and two of its own").isStrictlyBetween(0.0, 1.0);
        assertThat(echo[2]).as("none of the question's words").isZero();
        assertThat(echo[3]).as("no terms at all: not an echo").isZero();
    }

    @Test
    void everyClauseOfAHedgedSentenceIsHedgedAndOnlyThose() {
        List<AnswerSegmenter.Span> units = new AnswerSegmenter().units(
                "I think you could switch it to eager loading, or something like a join. Then count the queries in a test.");

        boolean[] hedged = AnswerEvidenceCollector.hedged(units, new HedgeDetector());

        for (int u = 0; u < units.size(); u++) {
            assertThat(hedged[u]).as(units.get(u).text()).isEqualTo(!units.get(u).text().startsWith("Then"));
        }
        assertThat(units).extracting(AnswerSegmenter.Span::text).contains("or something like a join.");
    }
}
