package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The questions an answer asks. A candidate who restates a key point as a question before answering it ("What does
 * GraphQL do? It lets the client ask for …", "Q: Can I revoke it? A: Not easily; …") claims nothing by the question, so
 * it states no misconception, however near a misconception's words it lies ("What does GraphQL do?" is at cosine 0.86
 * to "Claims GraphQL is a database"). It still counts for the key points it names, as the answer's first words do.
 *
 * <p>Only a sentence that opens as a question asks: a question word or an auxiliary before the subject, and a question
 * mark at its end. A statement with a question mark ("Maybe use LIMIT and OFFSET?", "I think JWT might be better?") is
 * a guess ({@link HedgeDetector}) that still states what it says. A question with a negated auxiliary ("Isn't GraphQL
 * just a database?") asks to be agreed with, so it is not taken for a question here either ({@link NegationDetector}
 * reads it as a denial, which it is not: docs/grading.md, session 41's second walk). Stateless.
 */
final class AskedQuestions {

    private static final Pattern QUESTION = Pattern.compile(
            "(?:q\\d*\\s*[:.)]\\s*)?"
                    + "(?:what|why|how|when|where|which|who|whose|is|are|was|were|do|does|did|can|could|should|would|will|has|have)"
                    + "\\b(?!\\s*['’]t\\b).*\\?[\\s\"'’”)]*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private AskedQuestions() {
    }

    /** Whether {@code sentence} asks a question rather than stating something. */
    static boolean asks(String sentence) {
        return QUESTION.matcher(sentence.strip()).matches();
    }

    /** [unit] whether the unit is, or lies inside, a sentence among {@code units} that asks. */
    static boolean[] of(List<Span> units) {
        boolean[] asked = new boolean[units.size()];
        for (Span sentence : units) {
            if (asks(sentence.text())) {
                for (int u = 0; u < units.size(); u++) {
                    asked[u] |= sentence.start() <= units.get(u).start() && units.get(u).end() <= sentence.end();
                }
            }
        }
        return asked;
    }
}
