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
}
