package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;

import java.util.Arrays;
import java.util.List;

/**
 * Everything a grading policy needs to know about one answer, measured once: per answer unit
 * (sentence or clause) and per key point / misconception, the semantic similarity to the nearest
 * reference of the same polarity and whether one of its phrases occurs. Thresholds are applied later
 * by {@link SemanticGradingPolicy}, so the same evidence can be scored under many settings.
 *
 * @param units                   the answer's sentences and clauses, then the positive part of each sentence of mixed
 *                                polarity ({@link PositiveParts}: read without its negated clauses, quoted as the
 *                                sentence, so it has the sentence's span)
 * @param keyPointSimilarity      [key point][unit] cosine to the nearest same-polarity reference, 0 if none
 * @param keyPointPhrase          [key point][unit] a same-polarity phrase's terms all occur in the unit
 * @param misconceptionSimilarity [misconception][unit], likewise
 * @param misconceptionPhrase     [misconception][unit], likewise
 * @param topicality              the highest cosine of any unit to the prompt or any key-point reference
 * @param truncated               the answer was longer than a grader reads; only its start was measured
 * @param holistic                cosine between the answer as a whole (the mean of its units' vectors) and the
 *                                rubric as a whole (the mean of its key points' references)
 * @param deniesKeyPoint          a negated unit names a key point by one of its positive phrases ("REST is not
 *                                stateless", or a removal of what the point recommends: "we remove the timeouts"): the
 *                                answer takes up the rubric's point, and gets it wrong
 * @param promptEcho              [unit] share of the unit's terms that the question's prompt contains (1: the unit
 *                                only repeats the question); all 0 when not measured
 * @param hedged                  [unit] the sentence the unit belongs to states its claim tentatively ("I think it
 *                                might be …", {@link HedgeDetector}); all false when not measured
 * @param unitTopicality          [unit] the unit's highest cosine to the prompt or any key-point reference (of either
 *                                polarity): how much it is about the question at all; all 1 when not measured
 * @param promptSimilarity        [unit] the unit's cosine to the question's prompt; all 1 when not measured (or the
 *                                question has no prompt), so no unit is ever more specific to a key point than to it
 * @param otherQuestionSimilarity [unit] the unit's highest cosine to another question's prompt or key-point reference
 *                                ({@link NeighbouringQuestions}); all 0 when not measured, so no unit is about another
 *                                question
 * @param keyPointContradicted    [key point][unit] the unit states the key point's contrary in plain words
 *                                ({@link ContraryStatements}); all false when not measured
 * @param statedInOtherWords      [key point][unit] the unit is negated and names no term of any key point: a negation
 *                                in the candidate's own words ("never glue user text into a database statement") states
 *                                what it says rather than denying a key point, which a denial would name ("REST is not
 *                                stateless"); all false when not measured
 * @param eitherPolaritySimilarity [key point][unit] cosine to the nearest reference of either polarity: how a unit
 *                                {@code statedInOtherWords} is measured; keyPointSimilarity when not measured
 * @param deniedByName            [key point][unit] the unit is negated, names a positive phrase of one of the key points
 *                                and no word of this point's negated references but the prompt's: it denies what it
 *                                names ("There is no need for a timeout."), and its cosine to the point's negated
 *                                references is no evidence for the point; so is a negated sentence whose negated
 *                                clauses are all such denials ("Jitter is not necessary; keys can expire together.");
 *                                and so is a unit that sets the point aside ({@link Dismissals}: "we remove the
 *                                timeouts", "a circuit breaker is optional") or states it before a later unit takes it
 *                                away, whose phrases do not count for it either; all false when not measured
 */
public record AnswerEvidence(String answer, List<Span> units, boolean[] negated,
                             double[][] keyPointSimilarity, boolean[][] keyPointPhrase,
                             double[][] misconceptionSimilarity, boolean[][] misconceptionPhrase,
                             double topicality, KeywordListDetector.Signals signals, boolean truncated,
                             double holistic, boolean deniesKeyPoint, double[] promptEcho,
                             boolean[] hedged, double[] unitTopicality, double[] promptSimilarity,
                             double[] otherQuestionSimilarity, boolean[][] keyPointContradicted,
                             boolean[][] statedInOtherWords, double[][] eitherPolaritySimilarity,
                             boolean[][] deniedByName) {

    /** A measure given as null was not measured, and takes the neutral value its description gives. */
    public AnswerEvidence {
        if (deniedByName == null) {
            deniedByName = new boolean[keyPointSimilarity.length][units.size()];
        }
        if (statedInOtherWords == null) {
            statedInOtherWords = new boolean[keyPointSimilarity.length][units.size()];
        }
        eitherPolaritySimilarity = eitherPolaritySimilarity == null ? keyPointSimilarity : eitherPolaritySimilarity;
        if (keyPointContradicted == null) {
            keyPointContradicted = new boolean[keyPointSimilarity.length][units.size()];
        }
        otherQuestionSimilarity = otherQuestionSimilarity == null ? new double[units.size()] : otherQuestionSimilarity;
        promptEcho = promptEcho == null ? new double[units.size()] : promptEcho;
        hedged = hedged == null ? new boolean[units.size()] : hedged;
        if (unitTopicality == null) {
            unitTopicality = new double[units.size()];
            Arrays.fill(unitTopicality, 1);
        }
        if (promptSimilarity == null) {
            promptSimilarity = new double[units.size()];
            Arrays.fill(promptSimilarity, 1);
        }
    }

    public boolean anyPhrase() {
        for (boolean[] perUnit : keyPointPhrase) {
            for (boolean hit : perUnit) {
                if (hit) {
                    return true;
                }
            }
        }
        return false;
    }
}
