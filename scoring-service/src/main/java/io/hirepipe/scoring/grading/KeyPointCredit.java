package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.FreeTextGrade.KeyPointEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade.Verdict;

import java.util.ArrayList;
import java.util.List;

import static io.hirepipe.scoring.grading.GradeFigures.clamp01;
import static io.hirepipe.scoring.grading.GradeFigures.round2;

/**
 * Gives each key point its credit from an answer's evidence: evidence(u,k), evidence(k) and credit(k) of
 * {@link SemanticGradingPolicy}'s class comment, with the rules that decide which units count for a key point at all
 * (the topicality floor and its exemption, the neighbour rule, a denial by name, a contrary, a prompt echo, a
 * misconception's units) and the hedge cap. Pure.
 */
final class KeyPointCredit {

    private static final double AMBIGUITY_WIDTH = 0.15;

    private final SemanticGradingSettings s;

    KeyPointCredit(SemanticGradingSettings settings) {
        this.s = settings;
    }

    /**
     * The key points' credit.
     *
     * @param keyPoints each key point's verdict, credit, points and the unit that earned them
     * @param earned    the points earned, before the lift and the misconceptions' cost
     * @param ambiguity the points-weighted sum of the key points' ambiguity (Confidence in
     *                  {@link SemanticGradingPolicy}'s class comment)
     */
    record Credits(List<KeyPointEvidence> keyPoints, double earned, double ambiguity) {
    }

    /** Credits the key points; the units in {@code wrong} state a misconception and are evidence for none. */
    Credits of(AnswerEvidence e, FreeTextRubric rubric, boolean[] wrong) {
        List<KeyPointEvidence> keyPoints = new ArrayList<>();
        double earned = 0;
        double ambiguity = 0;
        double chance = chanceMaximum(e.units().size());
        for (int k = 0; k < rubric.keyPoints().size(); k++) {
            FreeTextRubric.Point point = rubric.keyPoints().get(k);
            int bestUnit = -1;
            double best = 0;
            double bestRaw = Double.NEGATIVE_INFINITY;
            double secondRaw = 0;
            boolean secondPlain = false;
            for (int u = 0; u < e.units().size(); u++) {
                if (wrong[u] || echoesPrompt(e, u)) {
                    continue;
                }
                double[][] reading = readingFor(e, k, u);
                // a denial of the point by name is near its negated references only as one negative sentence is near
                // another ("there is no need for a timeout", "so a hanging provider cannot tie up our threads")
                boolean counts = !e.deniedByName()[k][u] && ((aboutTheQuestion(e, u) && !aboutAnotherQuestion(e, u))
                        || specificToKeyPoint(reading, e, k, u));
                if (e.keyPointContradicted()[k][u]) {
                    // it says the opposite in the key point's words ("the server picks the fields"): no evidence for it
                    continue;
                }
                double raw = rawEvidence(counts
                        ? contrasted(reading, k, u) - chance : Double.NEGATIVE_INFINITY,
                        e.keyPointPhrase()[k][u]);
                if (e.hedged()[u]) {
                    // a guess ("I think it might be …") gestures at a point; it does not state it
                    raw = Math.min(raw, s.hedgedEvidenceCap());
                }
                if (raw > bestRaw) {
                    if (bestUnit >= 0 && !overlaps(e.units().get(bestUnit), e.units().get(u)) && bestRaw >= secondRaw) {
                        secondRaw = bestRaw;
                        secondPlain = !e.hedged()[bestUnit];
                    }
                    bestRaw = raw;
                    bestUnit = u;
                } else if (bestUnit >= 0 && !overlaps(e.units().get(bestUnit), e.units().get(u)) && raw > secondRaw) {
                    secondRaw = raw;
                    secondPlain = !e.hedged()[u];
                }
            }
            // a point made across two sentences ("…every node answers. Since message loss is unavoidable…")
            bestRaw = bestRaw + s.supportWeight() * Math.max(0, secondRaw);
            if (bestUnit >= 0 && e.hedged()[bestUnit] && !(secondPlain && secondRaw > 0)) {
                // two guesses do not make a statement either: only a plain sentence can complete a hedged one
                bestRaw = Math.min(bestRaw, s.hedgedEvidenceCap());
            }
            best = Math.min(1, Math.max(0, bestRaw));
            double credit = best >= s.metAt() ? 1 : best >= s.partlyMetAt() ? s.partlyMetCredit() : 0;
            Verdict verdict = credit == 1 ? Verdict.MET : credit > 0 ? Verdict.PARTLY_MET : Verdict.MISSED;
            earned += credit * point.points();
            // distance on the uncapped scale: a phrase plus a close paraphrase is far above metAt, not on it
            double distance = bestUnit < 0 ? 1 : Math.min(Math.abs(bestRaw - s.metAt()), Math.abs(bestRaw - s.partlyMetAt()));
            ambiguity += point.points() * Math.max(0, 1 - distance / AMBIGUITY_WIDTH);
            String span = credit > 0 ? e.units().get(bestUnit).text() : null;
            double similarity = bestUnit < 0 ? 0 : clamp01(readingFor(e, k, bestUnit)[k][bestUnit]);
            keyPoints.add(new KeyPointEvidence(point.id(), verdict, credit, Points.of(credit * point.points()), span,
                    round2(similarity)));
        }
        return new Credits(keyPoints, earned, ambiguity);
    }

    /**
     * A unit made (almost) only of the prompt's own words repeats the question ("SQL injection is the injection of
     * SQL", "the cached home page expires every 60 seconds"): it shows nothing the candidate knows, however close it
     * sits to a key point on the same matter.
     */
    private boolean echoesPrompt(AnswerEvidence e, int u) {
        return s.promptEchoShare() > 0 && e.promptEcho()[u] >= s.promptEchoShare();
    }

    /**
     * Whether unit u is about the question at all: its cosine to the prompt or to some key-point reference reaches
     * unitOnTopicAt. A clause about the team's post-mortem or the API's documentation, in an answer about a growing
     * queue or pagination, is far from everything the rubric says; the contrast would still turn its being a little
     * less far from one key point than from the others into evidence, and a long answer has many such clauses.
     */
    private boolean aboutTheQuestion(AnswerEvidence e, int u) {
        return e.unitTopicality()[u] >= s.unitOnTopicAt();
    }

    /**
     * The neighbour rule of SemanticGradingPolicy's class comment: unit u answers another question. Its cosine to
     * another question's prompt or key points ({@link NeighbouringQuestions}) exceeds its highest cosine to this
     * question's by neighbourMargin.
     */
    boolean aboutAnotherQuestion(AnswerEvidence e, int u) {
        return e.otherQuestionSimilarity()[u] - e.unitTopicality()[u] >= s.neighbourMargin();
    }

    /**
     * The floor exemption (session 17, off unless floorExemptionMargin is set): a unit under the topicality floor still
     * counts for key point k when its cosine to k exceeds its cosine to the prompt by floorExemptionMargin: it is about
     * this point, not about the question in general, as a paraphrase's clause is ("they live in one Redis that every
     * copy talks to") and a clause about the topic that makes no point is not.
     */
    private boolean specificToKeyPoint(double[][] reading, AnswerEvidence e, int k, int u) {
        return reading[k][u] - e.promptSimilarity()[u] >= s.floorExemptionMargin();
    }

    /**
     * The cosines unit u is measured by for key point k: against references of its own polarity, or, for a negation in
     * other words ({@link AnswerEvidence#statedInOtherWords()}), against references of either polarity, for k and for
     * the other key points of its contrast alike (docs/grading.md, session 35).
     */
    private static double[][] readingFor(AnswerEvidence e, int k, int u) {
        return e.statedInOtherWords()[k][u] ? e.eitherPolaritySimilarity() : e.keyPointSimilarity();
    }

    /**
     * The clause-count discount of SemanticGradingPolicy's class comment, clauseNoise * (sqrt(2 ln n) - sqrt(2 ln n0)):
     * by how much more the best of n comparisons of noise exceeds its typical value than the best of n0 does.
     */
    double chanceMaximum(int units) {
        if (s.clauseNoise() == 0 || units <= s.clauseNoiseFrom()) {
            return 0;
        }
        return s.clauseNoise() * (Math.sqrt(2 * Math.log(units)) - Math.sqrt(2 * Math.log(s.clauseNoiseFrom())));
    }

    /** sem(u,k) of SemanticGradingPolicy's class comment, before the clause-count discount. */
    double contrasted(double[][] similarity, int k, int u) {
        if (similarity.length < 2 || s.contrast() == 0) {
            return similarity[k][u];
        }
        double others = 0;
        for (int j = 0; j < similarity.length; j++) {
            if (j != k) {
                others += similarity[j][u];
            }
        }
        return similarity[k][u] - s.contrast() * others / (similarity.length - 1);
    }

    static boolean overlaps(AnswerSegmenter.Span a, AnswerSegmenter.Span b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    /** evidence(u,k) of SemanticGradingPolicy's class comment before clamping to 0..1, from sem(u,k) and lex(u,k). */
    double rawEvidence(double similarity, boolean phrase) {
        double semantic = (similarity - s.similarityFloor()) / (s.similarityCeiling() - s.similarityFloor());
        return Math.max(0, semantic) + (phrase ? s.phraseWeight() : 0);
    }
}
